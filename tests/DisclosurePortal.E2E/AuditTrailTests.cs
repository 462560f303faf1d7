using DisclosurePortal.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosurePortal.E2E;

/// <summary>The admin reads the audit trail (sign-ins are in it), opens an entry and verifies the chain.</summary>
public sealed class AuditTrailTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public Task The_admin_sees_sign_ins_opens_an_entry_and_verifies_the_chain() => RunAsync(nameof(The_admin_sees_sign_ins_opens_an_entry_and_verifies_the_chain), async sessions =>
    {
        var reviewer = await sessions.NewPageAsync("reviewer");
        await reviewer.SignInAsync(DemoAccounts.Reviewer);
        await reviewer.GotoAsync("admin/audit");
        await Expect(reviewer.ByTestId("audit-grid")).ToHaveCountAsync(0);

        var admin = await sessions.NewPageAsync("admin");
        await admin.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("admin/audit");
        await Expect(admin.ByTestId("audit-action").Filter(new() { HasText = "account.signed-in" }).First).ToBeVisibleAsync();

        await admin.ByTestId("audit-verify").ClickAsync();
        await Expect(admin.ByTestId("audit-verification")).ToContainTextAsync("Chain intact");
        await admin.ByTestId("audit-open").First.ClickAsync();
        await Expect(admin.ByTestId("audit-entry")).ToContainTextAsync("account.signed-in");
        await Expect(admin.ByTestId("audit-after")).ToContainTextAsync("method");
        await Portal.SaveScreenshotAsync(admin, "admin-audit-trail");
        await ExpectNoErrorUiAsync(admin);
    });
}
