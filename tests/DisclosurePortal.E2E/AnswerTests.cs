using System.Text;
using System.Text.RegularExpressions;
using DisclosurePortal.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosurePortal.E2E;

/// <summary>
/// The respondent's answer end to end: questionnaire (autosaved, survives a reload), a work list, signature and
/// receipt, then an amendment with a corrected list whose differences both the company and the reviewer read.
/// </summary>
public sealed class AnswerTests(PortalFixture portal) : BrowserTest(portal)
{
    private const string Signatory = "Grace Hopper";

    [Fact]
    public Task Respondent_answers_signs_gets_a_receipt_then_amends_and_sees_the_difference() => RunAsync(nameof(Respondent_answers_signs_gets_a_receipt_then_amends_and_sees_the_difference), async sessions =>
    {
        var page = await sessions.NewPageAsync("respondent");
        await page.SignInAsync(DemoAccounts.NorthwindRespondent);
        await FillQuestionnaireAsync(page);

        // Nothing typed is lost on a reload.
        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid='save-state'][data-interactive='true']")).ToBeVisibleAsync();
        await Expect(page.Field("q-signatory-name")).ToHaveValueAsync(Signatory);
        await Expect(page.ByTestId("q-progress")).ToContainTextAsync("4 of 4");

        // A first list: three works, one row the portal cannot accept.
        var (kept, retitled, dropped, added) = ("QZE2E2400001", "QZE2E2400002", "QZE2E2400003", "QZE2E2400004");
        var first = List(($"{kept}", "Answer Test Kept"), ($"{retitled}", "Answer Test Old Title"), ($"{dropped}", "Answer Test Dropped"), (string.Empty, string.Empty));
        await UploadAsync(page, "answer-first.csv", first, accepted: "3");

        // The report of the row not accepted: on the page and as a download, with its line and reason.
        await page.UploadHistoryRow("answer-first.csv").Cell(UploadColumn.Rejected).Locator("a").ClickAsync();
        await Expect(page.ByTestId("rejected-rows")).ToContainTextAsync("answer-first.csv");
        var reportDownload = await page.RunAndWaitForDownloadAsync(() => page.ByTestId("rejected-rows-download").ClickAsync());
        var report = (await File.ReadAllLinesAsync(await reportDownload.PathAsync())).ToList();
        Assert.Equal("line,outcome,reason", report[0]);
        Assert.StartsWith("5,rejected,", Assert.Single(report.Skip(1)), StringComparison.Ordinal);

        await page.OpenSubmitAsync();
        await Expect(page.ByTestId("answers-company")).ToContainTextAsync(Signatory);
        await Expect(page.ByTestId("attestation-text")).ToContainTextAsync("confirm that I am authorised");
        var firstRow = page.ByTestId("submit-uploads").Locator("tbody tr").Filter(new() { HasText = "answer-first.csv" });
        await Expect(firstRow.Locator("input[type=checkbox]")).ToBeCheckedAsync();
        await Portal.SaveScreenshotAsync(page, "respondent-review-and-submit");
        await page.SignAndSubmitAsync(Signatory, 1);

        // The receipt: page and download say the same.
        var digest = (await page.ByTestId("receipt-digest").InnerTextAsync()).Trim();
        await Expect(page.ByTestId("receipt-files")).ToContainTextAsync("answer-first.csv");
        await Portal.SaveScreenshotAsync(page, "respondent-receipt");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ByTestId("receipt-download").ClickAsync());
        Assert.Matches(@"^receipt-response-\d+-version-1\.txt$", download.SuggestedFilename);
        var receipt = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("Version               1 (first submission)", receipt, StringComparison.Ordinal);
        Assert.Contains("answer-first.csv", receipt, StringComparison.Ordinal);
        Assert.Contains("rows      3 accepted, 1 not accepted", receipt, StringComparison.Ordinal);
        Assert.Contains($"Receipt digest        {digest}", receipt, StringComparison.Ordinal);
        Assert.Matches(new Regex("SHA-256   [0-9a-f]{64}"), receipt);
        var receiptUrl = await page.ByTestId("receipt-download").GetAttributeAsync("href");

        // The amendment: a corrected list replaces the first one.
        var corrected = List(($"{kept}", "Answer Test Kept"), ($"{retitled}", "Answer Test New Title"), ($"{added}", "Answer Test Added"));
        await UploadAsync(page, "answer-corrected.csv", corrected, accepted: "3");
        await page.OpenSubmitAsync();
        await Expect(page.GetByText("amendment: it becomes version 2")).ToBeVisibleAsync();
        var oldRow = page.ByTestId("submit-uploads").Locator("tbody tr").Filter(new() { HasText = "answer-first.csv" });
        await oldRow.Locator("input[type=checkbox]").UncheckAsync();
        await Expect(oldRow.Locator("input[type=checkbox]")).Not.ToBeCheckedAsync();
        await page.SignAndSubmitAsync(Signatory, 2);

        await page.GotoAsync("/response/versions");
        await Expect(page.ByTestId("version-row")).ToHaveCountAsync(2);
        var counts = page.ByTestId("comparison-counts");
        await Expect(counts).ToContainTextAsync("1 works added");
        await Expect(counts).ToContainTextAsync("1 removed");
        await Expect(counts).ToContainTextAsync("1 changed");
        await Expect(page.ByTestId("diff-added")).ToContainTextAsync("Answer Test Added");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Changed (1)" }).ClickAsync();
        await Expect(page.ByTestId("diff-changed")).ToContainTextAsync("Answer Test Old Title");
        await Expect(page.ByTestId("diff-changed")).ToContainTextAsync("Answer Test New Title");
        await Portal.SaveScreenshotAsync(page, "respondent-versions-difference");
        await ExpectNoErrorUiAsync(page);

        // The reviewer reads the same versions and difference on the company's answer page.
        var reviewer = await sessions.NewPageAsync("reviewer");
        await reviewer.SignInAsync(DemoAccounts.Reviewer);
        var company = reviewer.ByTestId("company-board").Locator("tbody tr").Filter(new() { HasText = DemoAccounts.Northwind });
        await company.ByTestId("company-response").ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Heading, new() { Name = DemoAccounts.Northwind, Level = 1 })).ToBeVisibleAsync();
        await Expect(reviewer.ByTestId("version-row")).ToHaveCountAsync(2);
        await Expect(reviewer.ByTestId("comparison-counts")).ToContainTextAsync("1 removed");
        await Expect(reviewer.ByTestId("diff-added")).ToContainTextAsync("Answer Test Added");
        await Portal.SaveScreenshotAsync(reviewer, "reviewer-response-versions");

        // Another company asking for this receipt by its address gets the same answer as for one that does not exist.
        var other = await sessions.NewPageAsync("tessellate");
        await other.SignInAsync(DemoAccounts.TessellateRespondent);
        var foreign = await other.APIRequest.GetAsync(receiptUrl!);
        var missing = await other.APIRequest.GetAsync("/response/receipts/999999");
        Assert.Equal(404, foreign.Status);
        Assert.Equal(404, missing.Status);
        Assert.DoesNotContain("answer-first.csv", await foreign.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(200, (await page.APIRequest.GetAsync(receiptUrl!)).Status);
    });

    private async Task FillQuestionnaireAsync(IPage page)
    {
        await page.OpenQuestionnaireAsync();
        await page.FillFieldAsync("q-legal-entity", "Northwind AI Limited");
        await page.FillFieldAsync("q-contact-name", "Ada Lovelace");
        await page.FillFieldAsync("q-contact-email", "not an address");
        await page.ByTestId("q-check").ClickAsync();
        await Expect(page.GetByText("This is not an e-mail address.")).ToBeVisibleAsync();
        await page.FillFieldAsync("q-contact-email", "ada@northwind.example");
        await Expect(page.GetByText("This is not an e-mail address.")).ToHaveCountAsync(0);
        await page.FillFieldAsync("q-signatory-name", Signatory);
        await page.FillFieldAsync("q-signatory-title", "General Counsel");
        await Expect(page.ByTestId("q-progress")).ToContainTextAsync("1 of 4");
        await Portal.SaveScreenshotAsync(page, "respondent-questionnaire");

        await page.NextSectionAsync("AI systems and models");
        await page.ByTestId("q-add-system").ClickAsync();
        await page.FillFieldAsync("q-system-name", "Northwind Aria");

        await page.NextSectionAsync("Use of the label's content");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Training", Exact = true }).CheckAsync();
        await page.FillFieldAsync("q-use-explanation", "Pre-training of Aria on a licensed corpus that included the label's recordings.");

        await page.NextSectionAsync("Datasets and sources");
        await page.ByTestId("q-add-dataset").ClickAsync();
        await page.FillFieldAsync("q-dataset-name", "SongCorpus 2023");
        await page.FillFieldAsync("q-dataset-crawler", "AriaBot/1.0");
        await page.Field("q-dataset-from").FillAsync("2023-01-01");
        await page.Field("q-dataset-to").FillAsync("2024-06-30");
        await page.ByTestId("q-dataset-optouts").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Partly honoured" }).ClickAsync();
        await Expect(page.ByTestId("q-progress")).ToContainTextAsync("4 of 4");

        await page.NextSectionAsync("Training-content summary");
        await page.WaitForUploadInputAsync("q-summary-input");
        await page.ByTestId("q-summary-input").SetInputFilesAsync(new FilePayload { Name = "training-summary.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("Public summary of training content.\n") });
        await Expect(page.ByTestId("q-summary-attached")).ToContainTextAsync("training-summary.txt");
        await page.ExpectSavedAsync();
    }

    private static async Task UploadAsync(IPage page, string fileName, byte[] content, string accepted)
    {
        await page.OpenWorkListsAsync();
        await page.UploadWorkListAsync(fileName, content);
        // Checking and matching run as background jobs: wait for the file to be done, then read its counts.
        var row = page.UploadHistoryRow(fileName);
        await row.WaitForStageAsync("done");
        await Expect(row.Cell(UploadColumn.Accepted)).ToHaveTextAsync(accepted);
    }

    private static byte[] List(params (string Isrc, string Title)[] rows) =>
        Encoding.UTF8.GetBytes(string.Join("\n", rows.Select(r => r.Title.Length == 0 ? ",," : $"{r.Isrc},{r.Title},Answer Test Artist").Prepend("ISRC,Title,Artist")) + "\n");
}
