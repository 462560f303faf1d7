using DisclosurePortal.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosurePortal.E2E;

/// <summary>An admin invites a person at a company; the link in the e-mail that arrived creates their account once.</summary>
public sealed class InvitationTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public Task Admin_invites_a_respondent_who_sets_a_password_and_lands_in_the_company_portal_once() => RunAsync(nameof(Admin_invites_a_respondent_who_sets_a_password_and_lands_in_the_company_portal_once), async sessions =>
    {
        const string invitee = "new.colleague@northwind-ai.demo.test";
        var admin = await sessions.NewPageAsync("admin");
        await admin.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("requests");
        var company = admin.Locator("tr").Filter(new() { HasText = DemoAccounts.Northwind });
        await company.ByTestId("company-access").First.ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = DemoAccounts.Northwind, Level = 1 })).ToBeVisibleAsync();
        await admin.SettleAsync();

        var sentBefore = DateTime.UtcNow.AddSeconds(-1);
        await admin.Locator("input[data-testid='invite-email']").FillAsync(invitee);
        await admin.ByTestId("invite-send").ClickAsync();
        await Expect(admin.ByTestId("invite-result")).ToContainTextAsync($"Invitation to {invitee} queued");
        await Expect(admin.ByTestId("invitations")).ToContainTextAsync(invitee);
        await Portal.SaveScreenshotAsync(admin, "admin-company-access");

        // The message that arrived in the pickup folder carries the link.
        var link = await Portal.InvitationLinkAsync(invitee, sentBefore);

        var respondent = await sessions.NewPageAsync("invitee");
        await respondent.GotoAsync(link);
        await Expect(respondent.GetByRole(AriaRole.Heading, new() { Name = $"Join {DemoAccounts.Northwind}" })).ToBeVisibleAsync();
        await respondent.Locator("#name").FillAsync("Nadia Colleague");
        await respondent.Locator("#password").FillAsync("Invited-Person-2026");
        await respondent.Locator("#confirm").FillAsync("Invited-Person-2026");
        await Portal.SaveScreenshotAsync(respondent, "invitation-accept");
        await respondent.ByTestId("accept-invitation").ClickAsync();
        await Expect(respondent).ToHaveURLAsync(PortalPages.HomeUrl());
        await Expect(respondent.GetByText(DemoAccounts.Northwind).First).ToBeVisibleAsync();
        await Expect(respondent.GetByText("Nadia Colleague").First).ToBeVisibleAsync();

        // The same link a second time: one clear page, nothing about the account it made.
        var again = await sessions.NewPageAsync("again");
        await again.GotoAsync(link);
        await Expect(again.GetByRole(AriaRole.Heading, new() { Name = "This invitation link cannot be used" })).ToBeVisibleAsync();
        await Expect(again.ByTestId("invitation-unusable")).ToBeVisibleAsync();
        await Expect(again.GetByText(invitee)).ToHaveCountAsync(0);
    });
}
