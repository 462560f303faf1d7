using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DisclosurePortal.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosurePortal.E2E;

/// <summary>A portal of their own: these tests add companies to the demo request, which the other tests count.</summary>
[CollectionDefinition(Name)]
public sealed class CompanyOnboardingCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Company onboarding portal";
}

/// <summary>
/// The issue's "done when": an admin imports a companies CSV and invites them; the e-mail that arrived carries the
/// link; the invitee sets a password and lands in that company's portal; the link then fails cleanly; and the
/// second company's respondent reaches none of the first company's records by any address.
/// </summary>
[Collection(CompanyOnboardingCollection.Name)]
public sealed partial class CompanyOnboardingTests(PortalFixture portal) : BrowserTest(portal)
{
    private const string Password = "Onboarded-Person-2026";

    private static readonly string[] RespondentPages = ["/", "response", "company/colleagues"];

    private static readonly string[] RowActions = ["company-edit", "company-access", "company-response", "company-triage", "company-matches"];

    [Fact]
    public Task Imported_companies_are_invited_and_each_lands_in_its_own_walled_portal() => RunAsync(nameof(Imported_companies_are_invited_and_each_lands_in_its_own_walled_portal), async sessions =>
    {
        var t = Guid.NewGuid().ToString("N")[..8];
        var (orbit, quasar) = ($"Orbit Models {t}", $"Quasar Labs {t}");
        var (orbitLead, orbitLegal, quasarLead) = ($"lead@orbit-{t}.example", $"legal@orbit-{t}.example", $"ceo@quasar-{t}.example");
        var csv = $"""
            Company,Legal entity,Country,Contact,Email
            {orbit},{orbit} Ltd,United Kingdom,Olive Orbit; Lex Legal,{orbitLead}; {orbitLegal}
            {quasar},Quasar Labs Inc,United States,Quinn Quasar,{quasarLead}
            Broken {t},,,,not-an-address
            ORBIT MODELS {t} LIMITED,,,,other@orbit-{t}.example
            """;

        // The admin imports the list into the demo request: a preview first, then the import with its row report.
        var admin = await sessions.NewPageAsync("admin");
        await admin.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("requests");
        await admin.WaitForInteractiveAsync();
        await admin.ByTestId("import-companies").First.ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Import companies", Level = 1 })).ToBeVisibleAsync();
        await admin.WaitForUploadInputAsync("companies-file");
        await admin.ByTestId("companies-file").SetInputFilesAsync(new FilePayload { Name = "recipients.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await Expect(admin.ByTestId("companies-summary")).ToContainTextAsync("4 rows read: 2 to add, 0 already in the portal to link, 2 rejected.");
        await Expect(admin.ByTestId("companies-rows")).ToContainTextAsync("'not-an-address' is not an e-mail address");
        await Expect(admin.ByTestId("companies-rows")).ToContainTextAsync($"the same company as line 2 ('{orbit}')");
        await Portal.SaveScreenshotAsync(admin, "admin-companies-import-preview");
        await admin.ByTestId("companies-confirm").ClickAsync();
        await Expect(admin.ByTestId("companies-imported").ByTestId("companies-summary")).ToContainTextAsync("4 rows read: 2 added, 0 already in the portal and linked, 2 rejected.");
        await Expect(admin.ByTestId("companies-report-download")).ToHaveAttributeAsync("href", new Regex(@"^admin/company-imports/[0-9a-f]{32}/report\.csv$"));
        await Portal.SaveScreenshotAsync(admin, "admin-companies-imported");

        // The list of the request's companies: search, then invite the ones shown; the count comes first.
        await admin.ByTestId("companies-open-list").ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex(@"/requests/\d+/companies$"));
        var requestId = int.Parse(RequestId().Match(admin.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        var grid = admin.ByTestId("company-board");
        await Expect(grid.Locator("tbody tr").Filter(new() { HasText = orbit }).ByTestId("company-status")).ToHaveTextAsync("Not invited");
        await admin.SettleAsync();
        await admin.Locator("input[data-testid='company-search']").FillAsync(t);
        await Expect(grid.Locator("tbody tr")).ToHaveCountAsync(2);
        await admin.ByTestId("invite-filter").ClickAsync();
        await Expect(admin.ByTestId("invite-plan-count")).ToHaveTextAsync("Send 3 invitations to 2 companies?");
        await Portal.SaveScreenshotAsync(admin, "admin-invite-plan");
        var sentAfter = DateTime.UtcNow.AddSeconds(-1);
        await admin.ByTestId("invite-confirm").ClickAsync();
        await Expect(admin.ByTestId("invite-sent")).ToContainTextAsync("3 invitations to 2 companies queued");
        var orbitId = await CompanyIdAsync(grid, orbit);

        // The e-mail that arrived in the pickup folder carries the link; the invitee sets a password and lands in Orbit's portal.
        var orbitLink = await Portal.InvitationLinkAsync(orbitLead, sentAfter);
        var lead = await sessions.NewPageAsync("orbit-lead");
        await AcceptAsync(lead, orbitLink, orbit, "Olive Orbit");
        await Expect(lead.GetByRole(AriaRole.Heading, new() { Name = orbit, Level = 1 })).ToBeVisibleAsync();
        await Portal.SaveScreenshotAsync(lead, "respondent-home-imported-company");

        // The same link a second time fails cleanly and says nothing of the account it made.
        var again = await sessions.NewPageAsync("again");
        await again.GotoAsync(orbitLink);
        await Expect(again.ByTestId("invitation-unusable")).ToBeVisibleAsync();
        await Expect(again.GetByText(orbitLead)).ToHaveCountAsync(0);

        // Orbit uploads a list with a rejected row and its lead invites a colleague.
        await lead.OpenWorkListsAsync();
        await lead.UploadWorkListAsync("orbit-list.csv", Encoding.UTF8.GetBytes("Title,Artist,ISRC\nOrbit Song,Orbit Band,\n,Lonely Artist,\n"));
        var orbitList = lead.UploadHistoryRow("orbit-list.csv");
        await orbitList.WaitForStageAsync("done");
        await Expect(lead.ByTestId("upload-result")).ToContainTextAsync("1 rows accepted, 1 rejected");
        await orbitList.Cell(UploadColumn.Rejected).GetByText("1", new() { Exact = true }).ClickAsync();
        var download = await lead.ByTestId("rejected-rows-download").GetAttributeAsync("href");
        Assert.Matches(@"^response/uploads/\d+/rejected\.csv$", download);
        await lead.GotoAsync("company/colleagues");
        await lead.SettleAsync();
        await lead.Locator("input[data-testid='colleague-email']").FillAsync($"colleague@orbit-{t}.example");
        await lead.ByTestId("colleague-send").ClickAsync();
        await Expect(lead.ByTestId("colleague-result")).ToContainTextAsync("is on its way");
        await Expect(lead.ByTestId("colleague-invitations")).ToContainTextAsync($"colleague@orbit-{t}.example");
        await Portal.SaveScreenshotAsync(lead, "respondent-colleagues");

        // Quasar's respondent is in Quasar's portal, and no address of Orbit's records opens anything.
        var quasarPage = await sessions.NewPageAsync("quasar");
        await AcceptAsync(quasarPage, await Portal.InvitationLinkAsync(quasarLead, sentAfter), quasar, "Quinn Quasar");
        await Expect(quasarPage.GetByRole(AriaRole.Heading, new() { Name = quasar, Level = 1 })).ToBeVisibleAsync();
        var refused = new (string Url, int Status)[]
        {
            (download!, 404),
            ($"review/companies/{orbitId}", 403),
            ($"admin/companies/{orbitId}/access", 403),
            ($"companies/{orbitId}", 403),
            ($"requests/{requestId}/companies", 403),
            ("requests", 403),
            ("admin/send-log", 403),
        };
        foreach (var (url, status) in refused)
        {
            var response = await quasarPage.GotoAsync(url);
            Assert.True(response!.Status == status, $"{url} answered {response.Status}, not {status}");
            await Expect(quasarPage.GetByText(orbit)).ToHaveCountAsync(0);
            Assert.DoesNotContain("Orbit Song", await response.TextAsync(), StringComparison.Ordinal);
        }

        foreach (var own in RespondentPages)
        {
            await quasarPage.GotoAsync(own);
            await quasarPage.SettleAsync();
            await Expect(quasarPage.GetByText(orbit)).ToHaveCountAsync(0);
            await Expect(quasarPage.GetByText("orbit-list.csv")).ToHaveCountAsync(0);
            await Expect(quasarPage.GetByText(orbitLead)).ToHaveCountAsync(0);
        }

        // The admin sees each send in the log and Orbit moving along in the list.
        await admin.GotoAsync("admin/send-log");
        var log = admin.ByTestId("send-log");
        await Expect(log.Locator("tbody tr").Filter(new() { HasText = orbitLegal }).ByTestId("send-status")).ToHaveTextAsync("Sent");
        await Portal.SaveScreenshotAsync(admin, "admin-send-log");
        await admin.GotoAsync($"requests/{requestId}/companies");
        await Expect(grid.Locator("tbody tr").Filter(new() { HasText = orbit }).ByTestId("company-status")).ToHaveTextAsync("In progress");
        await Expect(grid.Locator("tbody tr").Filter(new() { HasText = quasar }).ByTestId("company-status")).ToHaveTextAsync("Opened");
        await Expect(grid.ByTestId("countdown").First).ToBeVisibleAsync();

        // Every row action fits the page: none is clipped where only a sideways scroll would reach it.
        var orbitRow = grid.Locator("tbody tr").Filter(new() { HasText = orbit });
        foreach (var action in RowActions)
        {
            await Expect(orbitRow.ByTestId(action)).ToBeInViewportAsync(new() { Ratio = 1 });
        }

        await Portal.SaveScreenshotAsync(admin, "admin-company-list");
        await ExpectNoErrorUiAsync(admin);
    });

    [Fact]
    public Task The_request_e_mails_are_edited_with_a_preview_and_unknown_placeholders_are_named() => RunAsync(nameof(The_request_e_mails_are_edited_with_a_preview_and_unknown_placeholders_are_named), async sessions =>
    {
        var admin = await sessions.NewPageAsync("admin");
        await admin.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("requests");
        await admin.ByTestId("request-messages").First.ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "E-mails & reminders", Level = 1 })).ToBeVisibleAsync();
        await admin.SettleAsync();

        var subject = admin.Locator("input[data-testid='template-subject']").First;
        await subject.FillAsync("Access to the portal for {compnay}");
        await Expect(admin.ByTestId("template-problem").First).ToContainTextAsync("Unknown placeholder: {compnay}.");
        await subject.FillAsync("Access to the portal for {company}");
        await Expect(admin.ByTestId("template-problem")).ToHaveCountAsync(0);
        await Expect(admin.ByTestId("template-preview-subject").First).ToHaveTextAsync(new Regex(@"^Access to the portal for \S"));
        await Expect(admin.ByTestId("template-preview-body").First).ToContainTextAsync("Dear Ada Lovelace,");
        await Portal.SaveScreenshotAsync(admin, "admin-request-messages");

        await admin.ByTestId("messages-save").ClickAsync();
        await Expect(admin.GetByText("E-mails and reminders saved.")).ToBeVisibleAsync();
        await admin.ReloadAsync();
        await Expect(admin.Locator("input[data-testid='template-subject']").First).ToHaveValueAsync("Access to the portal for {company}");
        await ExpectNoErrorUiAsync(admin);
    });

    [Fact]
    public Task A_company_is_added_by_hand_with_its_contacts_and_a_second_spelling_of_it_is_refused() => RunAsync(nameof(A_company_is_added_by_hand_with_its_contacts_and_a_second_spelling_of_it_is_refused), async sessions =>
    {
        var t = Guid.NewGuid().ToString("N")[..8];
        var admin = await sessions.NewPageAsync("admin");
        await admin.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("requests");
        await admin.ByTestId("add-company").First.ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Add a company", Level = 1 })).ToBeVisibleAsync();
        await admin.SettleAsync();
        await admin.Locator("input[data-testid='company-name']").FillAsync($"Nebula Systems {t}");
        await admin.Locator("input[data-testid='company-legal-entity']").FillAsync($"Nebula Systems {t} GmbH");
        await admin.Locator("input[data-testid='company-country']").FillAsync("Germany");
        await admin.Locator("input[data-testid='contact-name']").First.FillAsync("Nora Nebula");
        await admin.Locator("input[data-testid='contact-email']").First.FillAsync($"nora@nebula-{t}.example");
        await admin.ByTestId("contact-add").ClickAsync();
        await admin.Locator("input[data-testid='contact-email']").Nth(1).FillAsync("not an address");
        await admin.ByTestId("company-save").ClickAsync();
        await Expect(admin.ByTestId("company-problem")).ToHaveTextAsync("Contact: 'not an address' is not an e-mail address.");
        await admin.Locator("input[data-testid='contact-email']").Nth(1).FillAsync($"legal@nebula-{t}.example");
        await Portal.SaveScreenshotAsync(admin, "admin-company-editor");
        await admin.ByTestId("company-save").ClickAsync();

        await Expect(admin).ToHaveURLAsync(new Regex(@"/requests/\d+/companies$"));
        var row = admin.ByTestId("company-board").Locator("tbody tr").Filter(new() { HasText = $"Nebula Systems {t}" });
        await Expect(row).ToContainTextAsync($"nora@nebula-{t}.example +1");
        await Expect(row.ByTestId("company-status")).ToHaveTextAsync("Not invited");

        // The same company spelled another way is one company, not two.
        await admin.GotoAsync("companies/new");
        await admin.SettleAsync();
        await admin.Locator("input[data-testid='company-name']").FillAsync($"NEBULA SYSTEMS {t} AG");
        await admin.Locator("input[data-testid='contact-email']").First.FillAsync($"NORA@nebula-{t}.example");
        await admin.ByTestId("company-save").ClickAsync();
        await Expect(admin.ByTestId("company-problem").First).ToContainTextAsync($"'Nebula Systems {t}' is already in the portal");
        await Expect(admin.ByTestId("company-problem").Nth(1)).ToContainTextAsync($"nora@nebula-{t}.example is already a contact of 'Nebula Systems {t}'");
        await ExpectNoErrorUiAsync(admin);
    });

    private static async Task AcceptAsync(IPage page, string link, string company, string name)
    {
        await page.GotoAsync(link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Join {company}" })).ToBeVisibleAsync();
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#confirm").FillAsync(Password);
        await page.ByTestId("accept-invitation").ClickAsync();
        await Expect(page).ToHaveURLAsync(PortalPages.HomeUrl());
    }

    private static async Task<int> CompanyIdAsync(ILocator grid, string company)
    {
        var href = await grid.Locator("tbody tr").Filter(new() { HasText = company }).ByTestId("company-access").GetAttributeAsync("href");
        return int.Parse(CompanyId().Match(href!).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"/requests/(\d+)/companies")]
    private static partial Regex RequestId();

    [GeneratedRegex(@"admin/companies/(\d+)/access")]
    private static partial Regex CompanyId();
}
