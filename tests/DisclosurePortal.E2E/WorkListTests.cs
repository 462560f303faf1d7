using System.Text;
using System.Text.RegularExpressions;
using DisclosurePortal.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosurePortal.E2E;

/// <summary>The thin path: a respondent uploads a work list, a reviewer sees what matched and why.</summary>
public sealed class WorkListTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public Task Respondent_uploads_a_work_list_and_reviewer_sees_the_matches() => RunAsync(nameof(Respondent_uploads_a_work_list_and_reviewer_sees_the_matches), async sessions =>
    {
        const string fileName = "northwind-training-works.csv";
        var list = WorkListSamples.ThinPath();

        // The respondent uploads the list.
        var respondent = await sessions.NewPageAsync("respondent");
        await respondent.SignInAsync(DemoAccounts.NorthwindRespondent);
        await respondent.GetByRole(AriaRole.Link, new() { Name = "Upload a work list" }).ClickAsync();
        await Expect(respondent).ToHaveURLAsync(new Regex("/response$"));
        await Expect(respondent.GetByRole(AriaRole.Heading, new() { Name = "Work lists", Level = 1 })).ToBeVisibleAsync();
        await respondent.UploadWorkListAsync(fileName, list.Content);

        // Received at once; its rows are checked and matched in the background, and the page follows.
        var row = respondent.UploadHistoryRow(fileName);
        await Expect(row).ToHaveCountAsync(1);
        await row.WaitForStageAsync("done");
        var result = respondent.ByTestId("upload-result");
        await Expect(result).ToContainTextAsync($"{fileName}: 5 rows accepted, 1 rejected, 4 matched to the catalog.");
        await Expect(respondent.ByTestId("upload-refused")).ToHaveCountAsync(0);

        // The upload is in the history with its stage and counts.
        await Expect(row.Cell(UploadColumn.Stage)).ToContainTextAsync("done");
        await Expect(row.Cell(UploadColumn.Accepted)).ToHaveTextAsync("5");
        await Expect(row.Cell(UploadColumn.Rejected)).ToHaveTextAsync("1");
        await Expect(row.Cell(UploadColumn.Matched)).ToHaveTextAsync("4");
        await Expect(row.Cell(UploadColumn.Sha256)).ToHaveTextAsync(new Regex("^[0-9a-f]{12}…$"));

        // The rejected row, with its line number and reason.
        await row.Cell(UploadColumn.Rejected).GetByText("1", new() { Exact = true }).ClickAsync();
        var rejected = respondent.ByTestId("rejected-rows");
        await Expect(rejected).ToBeVisibleAsync();
        await Expect(rejected).ToContainTextAsync($"Rows not accepted in {fileName}");
        var rejectedRows = rejected.Locator("tbody tr");
        await Expect(rejectedRows).ToHaveCountAsync(1);
        await Expect(rejectedRows.Locator("td").Nth(0)).ToHaveTextAsync(list.RejectedLine.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(rejectedRows.Locator("td").Nth(1)).ToHaveTextAsync("no title and no ISRC");
        await Portal.SaveScreenshotAsync(respondent, "respondent-worklist-uploaded");

        // The reviewer opens the company's matches from the board.
        var reviewer = await sessions.NewPageAsync("reviewer");
        await reviewer.SignInAsync(DemoAccounts.Reviewer);
        var company = reviewer.ByTestId("company-board").Locator("tbody tr").Filter(new() { HasText = DemoAccounts.Northwind });
        await Expect(company).ToHaveCountAsync(1);
        await company.GetByRole(AriaRole.Link, new() { Name = "Matches" }).ClickAsync();
        await Expect(reviewer).ToHaveURLAsync(new Regex(@"/review/companies/\d+$"));
        await Expect(reviewer.GetByRole(AriaRole.Heading, new() { Name = DemoAccounts.Northwind, Level = 1 })).ToBeVisibleAsync();
        var upload = reviewer.ByTestId("company-uploads").Locator("tbody tr").Filter(new() { HasText = fileName });
        await Expect(upload.ByTestId("upload-stage")).ToHaveAttributeAsync("data-stage", "done");

        // Rows of this file only: other tests upload lists for the same company, none of which match the catalog.
        var matches = reviewer.ByTestId("matches-grid").Locator("tbody tr").Filter(new() { HasText = fileName });
        await Expect(matches).ToHaveCountAsync(4);
        foreach (var recording in list.ByIsrc)
        {
            var match = matches.Filter(new() { HasText = recording.Isrc.Value });
            await Expect(match).ToHaveCountAsync(1);
            await Expect(match.ByTestId("tier")).ToHaveTextAsync("exact");
            await Expect(match).ToContainTextAsync("ISRC equal");
            await Expect(match).ToContainTextAsync(recording.Title);
        }

        var byName = matches.Filter(new() { HasText = list.ByNameAsListed.Title });
        await Expect(byName).ToHaveCountAsync(1);
        await Expect(byName.ByTestId("tier")).ToHaveTextAsync("high");
        await Expect(byName).ToContainTextAsync("title equal; artist equal");
        await Expect(byName).ToContainTextAsync(list.ByName.Title);
        await Expect(byName).ToContainTextAsync(list.ByName.Isrc.Value);

        await Expect(reviewer.ByTestId("matches-grid").GetByText(list.NotInCatalog.Title)).ToHaveCountAsync(0);
        await Expect(reviewer.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Portal.SaveScreenshotAsync(reviewer, "reviewer-company-matches");
    });

    [Fact]
    public Task A_long_list_shows_its_progress_live_until_it_is_checked_and_matched() => RunAsync(nameof(A_long_list_shows_its_progress_live_until_it_is_checked_and_matched), async sessions =>
    {
        const string fileName = "northwind-long-list.csv";
        const int rows = 200_000;
        var page = await sessions.NewPageAsync("respondent");
        await page.SignInAsync(DemoAccounts.NorthwindRespondent);
        await page.OpenWorkListsAsync();

        await page.UploadWorkListAsync(fileName, WorkListSamples.Large(rows));

        var row = page.UploadHistoryRow(fileName);
        await Expect(page.ByTestId("upload-received")).ToContainTextAsync($"{fileName} received.");
        // While a job works on it: a bar and its rows done of the total, as the page reads them every second.
        await Expect(row.ByTestId("upload-progress-bar")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(row.ByTestId("upload-progress-text")).ToHaveTextAsync(new Regex(@"^[\d,]+ of (about )?[\d,]+ rows (checked|matched against the catalog)"));
        await Portal.SaveScreenshotAsync(page, "respondent-worklist-progress");

        await row.WaitForStageAsync("done", timeout: 240_000);
        await Expect(row.ByTestId("upload-progress-bar")).ToHaveCountAsync(0);
        await Expect(row.Cell(UploadColumn.Accepted)).ToHaveTextAsync(rows.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
        await Expect(row.Cell(UploadColumn.Matched)).ToHaveTextAsync("0");
        await Expect(page.ByTestId("upload-result")).ToContainTextAsync($"{fileName}: 200,000 rows accepted, 0 rejected, 0 matched to the catalog.");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    });

    public static TheoryData<string> BadFiles => ["empty", "png", "zip", "program"];

    [Theory]
    [MemberData(nameof(BadFiles))]
    public Task A_file_the_portal_cannot_read_is_refused_with_a_clear_message_and_changes_no_totals(string kind) =>
        RunAsync($"{nameof(A_file_the_portal_cannot_read_is_refused_with_a_clear_message_and_changes_no_totals)}-{kind}", async sessions =>
        {
            var (fileName, content, mimeType, reason) = BadFile(kind);
            var page = await sessions.NewPageAsync("respondent");
            await page.SignInAsync(DemoAccounts.NorthwindRespondent);
            await page.OpenWorkListsAsync();
            var before = await page.UploadTotalsAsync();

            await page.UploadWorkListAsync(fileName, content, mimeType);

            // Stored, then refused by the background check that reads it.
            var refused = page.ByTestId("upload-refused");
            await Expect(refused).ToBeVisibleAsync();
            await Expect(refused).ToContainTextAsync($"{fileName} was not accepted:");
            await Expect(refused).ToContainTextAsync(reason);
            await Expect(refused).ToContainTextAsync("Nothing else has changed.");
            await Expect(page.ByTestId("upload-result")).ToHaveCountAsync(0);

            // The refused file is on record, with nothing accepted from it; the totals stand. A program is refused on its
            // first bytes and not kept at all.
            var recorded = kind == "program" ? 0 : 1;
            await Expect(page.UploadHistoryRows()).ToHaveCountAsync(before.Uploads + recorded);
            if (recorded == 1)
            {
                var row = page.UploadHistoryRow(fileName);
                await Expect(row).ToContainTextAsync("not accepted");
                await Expect(row.ByTestId("upload-stage")).ToHaveAttributeAsync("data-stage", "refused");
                await Expect(row.Cell(UploadColumn.Accepted)).ToHaveTextAsync("0");
            }

            var after = await page.UploadTotalsAsync();
            Assert.Equal(before.Accepted, after.Accepted);

            // And after a fresh load too: it is what the database says, not only the component's state.
            await page.OpenWorkListsAsync();
            await Expect(page.UploadHistoryRows()).ToHaveCountAsync(before.Uploads + recorded);
            Assert.Equal(before.Accepted, (await page.UploadTotalsAsync()).Accepted);
        });

    [Fact]
    public Task Another_company_does_not_see_northwinds_uploads() => RunAsync(nameof(Another_company_does_not_see_northwinds_uploads), async sessions =>
    {
        const string fileName = "northwind-confidential-list.csv";
        var northwind = await sessions.NewPageAsync("northwind");
        await northwind.SignInAsync(DemoAccounts.NorthwindRespondent);
        await northwind.OpenWorkListsAsync();
        await northwind.UploadWorkListAsync(fileName, WorkListSamples.NotInCatalog("Confidential Northwind Work One", "Confidential Northwind Work Two"));
        await Expect(northwind.ByTestId("upload-result")).ToContainTextAsync($"{fileName}: 2 rows accepted, 0 rejected, 0 matched to the catalog.", new() { Timeout = 60_000 });
        await Expect(northwind.UploadHistoryRow(fileName)).ToHaveCountAsync(1);

        var tessellate = await sessions.NewPageAsync("tessellate");
        await tessellate.SignInAsync(DemoAccounts.TessellateRespondent);
        await Expect(tessellate.GetByRole(AriaRole.Heading, new() { Name = DemoAccounts.Tessellate, Level = 1 })).ToBeVisibleAsync();
        await Expect(tessellate.GetByText(DemoAccounts.Northwind)).ToHaveCountAsync(0);

        await tessellate.OpenWorkListsAsync();
        await Expect(tessellate.GetByText($"{DemoAccounts.Tessellate} ·")).ToBeVisibleAsync();
        // Tessellate has uploaded nothing, so it sees an empty history: none of Northwind's files.
        await Expect(tessellate.GetByText("No file yet.")).ToBeVisibleAsync();
        await Expect(tessellate.ByTestId("upload-history")).ToHaveCountAsync(0);
        await Expect(tessellate.GetByText(fileName)).ToHaveCountAsync(0);
        await Expect(tessellate.GetByText("northwind", new() { Exact = false })).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Columns_the_portal_does_not_recognise_are_mapped_by_hand_and_the_accepted_rows_previewed() =>
        RunAsync(nameof(Columns_the_portal_does_not_recognise_are_mapped_by_hand_and_the_accepted_rows_previewed), async sessions =>
        {
            var fileName = $"northwind-werke-{Guid.NewGuid():N}.csv"[..30] + ".csv";
            var page = await sessions.NewPageAsync("respondent");
            await page.SignInAsync(DemoAccounts.NorthwindRespondent);
            await page.OpenWorkListsAsync();
            await page.UploadWorkListAsync(fileName, Encoding.UTF8.GetBytes("Werk;Interpret;Kennung\nLichter der Nacht;Nadia;T-034.524.680-1\nStille;Ben;\n"), confirmColumns: false);

            var mapping = page.ByTestId("column-mapping");
            await Expect(page.ByTestId("column-mapping-format")).ToContainTextAsync("CSV (semicolon-separated, UTF-8)");
            await Expect(page.ByTestId("mapping-problem")).ToContainTextAsync("The file needs an ISRC column, or a title column and an artist column");
            await Expect(page.ByTestId("mapping-confirm")).ToBeDisabledAsync();
            await Expect(page.UploadHistoryRow(fileName).ByTestId("upload-stage")).ToHaveAttributeAsync("data-stage", "columns");
            await Portal.SaveScreenshotAsync(page, "respondent-worklist-columns");

            await ChooseAsync(page, 0, "Title");
            await ChooseAsync(page, 1, "Artist");
            await ChooseAsync(page, 2, "ISWC");
            await Expect(page.ByTestId("mapping-problem")).ToHaveCountAsync(0);
            await page.ByTestId("mapping-confirm").ClickAsync();
            await Expect(mapping).ToHaveCountAsync(0);

            var row = page.UploadHistoryRow(fileName);
            await row.WaitForStageAsync("done");
            await Expect(row.Cell(UploadColumn.Accepted)).ToHaveTextAsync("2");
            await row.ByTestId("show-accepted").ClickAsync();
            var preview = page.ByTestId("accepted-rows");
            // Its only identifier column is ISWC: a list of compositions.
            await Expect(preview.ByTestId("accepted-kind-lyrics")).ToContainTextAsync("composition (lyrics) · 2");
            await Expect(preview.ByTestId("accepted-kind-audio")).ToHaveCountAsync(0);
            await Expect(preview.Locator("tbody tr")).ToHaveCountAsync(2);
            await Expect(preview.Locator("tbody tr").First).ToContainTextAsync("Lichter der Nacht");
            await Expect(preview.Locator("tbody tr").First).ToContainTextAsync("T0345246801");
            await Portal.SaveScreenshotAsync(page, "respondent-worklist-preview");

            // The same header next time: the columns as confirmed are offered again.
            await page.UploadWorkListAsync("again-" + fileName, Encoding.UTF8.GetBytes("Werk;Interpret;Kennung\nNoch eins;Nadia;\n"), confirmColumns: false);
            await Expect(page.ByTestId("column-mapping-format")).ToContainTextAsync("confirmed these columns for a file with the same header before");
            await Expect(page.ByTestId("mapping-problem")).ToHaveCountAsync(0);
            await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        });

    private static async Task ChooseAsync(IPage page, int column, string field)
    {
        await page.ByTestId($"mapping-select-{column}").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(field, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private static (string FileName, byte[] Content, string MimeType, string Reason) BadFile(string kind) => kind switch
    {
        "empty" => ("empty-list.csv", [], "text/csv", "The file is empty."),
        "png" => ("cover-art.png", TinyPng, "image/png", "This is not a text file."),
        "zip" => ("works.xlsx", [.. "PK\u0003\u0004"u8, .. Encoding.ASCII.GetBytes("[Content_Types].xml title,artist,isrc")],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "This looks like an Excel workbook (.xlsx) or zip file, but it is damaged"),
        "program" => ("works.csv", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0], "text/csv", "This file is a Windows program (.exe or .dll), not a work list"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A real 1×1 PNG image.</summary>
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
