using DisclosurePortal.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosurePortal.E2E;

/// <summary>There is no self-registration: an admin creates an account, and that person can sign in with it.</summary>
public sealed class UserAdministrationTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public Task Admin_creates_a_reviewer_who_can_then_sign_in() => RunAsync(nameof(Admin_creates_a_reviewer_who_can_then_sign_in), async sessions =>
    {
        var email = $"analyst-{Guid.NewGuid():N}"[..20] + "@label.example";
        const string password = "Analyst-Password-42";
        var admin = await sessions.NewPageAsync("admin");
        await admin.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("admin/users");
        await admin.SettleAsync();

        // Reviewer is the form's default role.
        await admin.Locator("input[data-testid='new-user-name']").FillAsync("Ana Analyst");
        await admin.Locator("input[data-testid='new-user-email']").FillAsync(email);
        await admin.Locator("input[data-testid='new-user-password']").FillAsync(password);
        await admin.ByTestId("create-user").ClickAsync();
        var row = admin.ByTestId("user-list").Locator("tr", new() { HasText = email });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Reviewer");
        await Expect(row).ToContainTextAsync("Active");
        // The form is ready for the next person, without errors about its emptied fields.
        await Expect(admin.GetByText("Enter the person's name.")).ToHaveCountAsync(0);
        await Portal.SaveScreenshotAsync(admin, "admin-users");

        var analyst = await sessions.NewPageAsync("analyst");
        await analyst.SubmitSignInAsync(email, password);
        await Expect(analyst.GetByRole(AriaRole.Heading, new() { Name = "Review", Level = 1 })).ToBeVisibleAsync();
        await ExpectNoErrorUiAsync(admin);
    });
}
