using System.IO.Compression;
using System.Text.RegularExpressions;
using DisclosurePortal.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosurePortal.E2E;

/// <summary>A reviewer works a company's matches in the triage queue with the keyboard and in bulk, then exports the evidence.</summary>
public sealed class TriageQueueTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public Task Reviewer_triages_with_the_keyboard_bulk_confirms_exact_matches_and_exports_the_evidence() => RunAsync(nameof(Reviewer_triages_with_the_keyboard_bulk_confirms_exact_matches_and_exports_the_evidence), async sessions =>
    {
        const string fileName = "northwind-triage-works.csv";
        var list = WorkListSamples.ThinPath();
        var respondent = await sessions.NewPageAsync("respondent");
        await respondent.SignInAsync(DemoAccounts.NorthwindRespondent);
        await respondent.OpenWorkListsAsync();
        await respondent.UploadWorkListAsync(fileName, list.Content);
        await respondent.UploadHistoryRow(fileName).WaitForStageAsync("done");

        // From the board to the company's queue.
        var reviewer = await sessions.NewPageAsync("reviewer");
        await reviewer.SignInAsync(DemoAccounts.Reviewer);
        var company = reviewer.ByTestId("company-board").Locator("tbody tr").Filter(new() { HasText = DemoAccounts.Northwind });
        await company.ByTestId("company-triage").ClickAsync();
        await Expect(reviewer).ToHaveURLAsync(new Regex(@"/review/queue\?request=\d+&company=\d+$"));
        var rows = reviewer.ByTestId("queue-grid").Locator("tbody tr");
        await Expect(rows.Filter(new() { HasText = fileName }).First).ToBeVisibleAsync();
        await reviewer.SettleAsync();
        var before = await TotalAsync(reviewer);

        // J opens the strongest item beside its candidates; C confirms it and the queue moves on.
        await reviewer.GetByRole(AriaRole.Heading, new() { Name = "Triage queue" }).ClickAsync();
        await reviewer.Keyboard.PressAsync("j");
        var panel = reviewer.ByTestId("queue-panel");
        await Expect(panel.ByTestId("side-by-side")).ToContainTextAsync("Candidate 1");
        await Expect(panel).ToContainTextAsync("ISRC equal");
        await reviewer.Keyboard.PressAsync("c");
        await Expect(reviewer.ByTestId("queue-total")).ToHaveTextAsync($"{before - 1:N0} items");

        // / goes to the search box rather than deciding anything.
        await reviewer.GetByRole(AriaRole.Heading, new() { Name = "Triage queue" }).ClickAsync();
        await reviewer.Keyboard.PressAsync("/");
        await Expect(reviewer.Locator("input[data-testid='queue-search']")).ToBeFocusedAsync();

        // Bulk: every exact match of the company, with the count shown before it runs.
        await reviewer.ByTestId("filter-tier").First.ClickAsync();
        await reviewer.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Exact" }).ClickAsync();
        await Expect(rows.ByTestId("tier").Filter(new() { HasNotText = "exact" })).ToHaveCountAsync(0);
        await reviewer.SettleAsync();
        var exact = await TotalAsync(reviewer);
        Assert.True(exact >= 2, $"expected at least two exact matches, saw {exact}");
        await reviewer.ByTestId("confirm-all").ClickAsync();
        var dialog = reviewer.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync($"Confirm {exact:N0} items?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = $"Confirm {exact:N0}" }).ClickAsync();
        await Expect(reviewer.ByTestId("queue-empty")).ToBeVisibleAsync();
        await reviewer.ByTestId("queue-tabs").GetByText("Confirmed", new() { Exact = true }).ClickAsync();
        // The one confirmed by keyboard was exact too.
        await Expect(reviewer.ByTestId("queue-total")).ToHaveTextAsync($"{exact + 1:N0} items");
        await Portal.SaveScreenshotAsync(reviewer, "reviewer-triage-queue");

        // The evidence: the CSV holds the confirmed rows with the reviewer; the workbook opens.
        var csv = await reviewer.RunAndWaitForDownloadAsync(() => reviewer.ByTestId("export-csv").ClickAsync());
        Assert.Matches(@"^evidence-request-\d+-company-\d+\.csv$", csv.SuggestedFilename);
        var lines = await File.ReadAllLinesAsync(await csv.PathAsync());
        Assert.StartsWith("company,file,line,listed title", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        foreach (var recording in list.ByIsrc)
        {
            Assert.Contains(lines, l => l.Contains(fileName, StringComparison.Ordinal) && l.Contains(recording.Isrc.Value, StringComparison.Ordinal) && l.Contains(",confirmed,", StringComparison.Ordinal));
        }

        var xlsx = await reviewer.RunAndWaitForDownloadAsync(() => reviewer.ByTestId("export-xlsx").ClickAsync());
        using var workbook = ZipFile.OpenRead(await xlsx.PathAsync());
        var sheet = workbook.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains(list.ByIsrc[0].Isrc.Value, xml, StringComparison.Ordinal);
        Assert.Contains("confirmed", xml, StringComparison.Ordinal);
        await Expect(reviewer.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    });

    private static async Task<int> TotalAsync(IPage page) => PortalPages.ParseCount(await page.ByTestId("queue-total").InnerTextAsync());
}
