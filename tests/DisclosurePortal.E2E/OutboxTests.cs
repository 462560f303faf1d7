using DisclosurePortal.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosurePortal.E2E;

/// <summary>A password reset asked for on the sign-in page arrives in the pickup folder and the admin reads it in the Outbox.</summary>
public sealed class OutboxTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public Task A_reset_e_mail_shows_in_the_admin_outbox() => RunAsync(nameof(A_reset_e_mail_shows_in_the_admin_outbox), async sessions =>
    {
        var visitor = await sessions.NewPageAsync("visitor");
        await visitor.GotoAsync("account/forgot-password");
        await visitor.Locator("#email").FillAsync(DemoAccounts.Reviewer);
        await visitor.ByTestId("send-reset-link").ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("forgot-password-confirmation", System.Text.RegularExpressions.RegexOptions.IgnoreCase));

        var admin = await sessions.NewPageAsync("admin");
        await admin.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("admin/outbox");
        var message = admin.ByTestId("outbox-list").Locator("tr", new() { HasText = DemoAccounts.Reviewer }).First;
        await Expect(message).ToBeVisibleAsync();
        await message.ByTestId("outbox-message-link").ClickAsync();
        await Expect(admin.ByTestId("outbox-message-to")).ToContainTextAsync(DemoAccounts.Reviewer);
        await Expect(admin.ByTestId("outbox-message-body")).ToContainTextAsync("account/reset-password");
        await Portal.SaveScreenshotAsync(admin, "admin-outbox");
        await ExpectNoErrorUiAsync(admin);
    });
}
