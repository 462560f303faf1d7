using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DisclosurePortal.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosurePortal.E2E;

/// <summary>The admin imports a catalog file in the browser, follows it, reads the report and finds an imported entry.</summary>
public sealed class CatalogImportTests(PortalFixture portal) : BrowserTest(portal)
{
    private const int GoodRows = 2000;

    [Fact]
    public Task Admin_imports_a_catalog_file_reads_the_report_and_finds_an_entry_by_a_pasted_isrc() => RunAsync(nameof(Admin_imports_a_catalog_file_reads_the_report_and_finds_an_entry_by_a_pasted_isrc), async sessions =>
    {
        const string fileName = "label-recordings-export.csv";
        var page = await sessions.NewPageAsync("admin");
        await page.SignInAsync(DemoAccounts.Admin);
        await page.GetByRole(AriaRole.Link, new() { Name = "Import catalog" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import catalog", Level = 1 })).ToBeVisibleAsync();

        await page.WaitForUploadInputAsync("import-file");
        await page.ByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = CatalogFile() });

        // The columns were recognised from their headers; the unknown one is left out.
        var mapping = page.ByTestId("import-mapping");
        await Expect(mapping).ToContainTextAsync(fileName);
        await Expect(page.ByTestId("mapping-Isrc").Locator("input").First).ToHaveValueAsync("ISRC Code");
        await Expect(page.ByTestId("mapping-Title").Locator("input").First).ToHaveValueAsync("Song Title");
        await Expect(page.ByTestId("mapping-Artist").Locator("input").First).ToHaveValueAsync("Artist Name");
        await Expect(mapping).ToContainTextAsync("QZE2E2600001");
        await Portal.SaveScreenshotAsync(page, "admin-catalog-import-mapping");
        await page.ByTestId("import-start").ClickAsync();

        // The import runs in the background and the page follows it to its report.
        await Expect(page).ToHaveURLAsync(new Regex(@"/catalog/imports/[0-9a-f-]{36}$"));
        var run = page.ByTestId("import-run");
        await Expect(run).ToHaveAttributeAsync("data-state", "Finished", new() { Timeout = 60_000 });
        await Expect(page.ByTestId("import-summary")).ToHaveTextAsync($"{GoodRows + 3:N0} rows read: {GoodRows:N0} accepted and 3 rejected.");
        var rejected = page.ByTestId("import-rejected").Locator("tbody tr");
        await Expect(rejected).ToHaveCountAsync(3);
        await Expect(rejected.Nth(0)).ToContainTextAsync("ISRC 'not-an-isrc' is not valid");
        await Expect(rejected.Nth(1)).ToContainTextAsync("no title");
        await Expect(rejected.Nth(2)).ToContainTextAsync("already appears on line 2");
        await Portal.SaveScreenshotAsync(page, "admin-catalog-import-report");

        // The full report downloads as CSV.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ByTestId("import-report-download").ClickAsync());
        var report = await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8);
        var lines = report.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("line,reason", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(4, lines.Count);
        Assert.StartsWith($"{GoodRows + 2},", lines[1], StringComparison.Ordinal);

        // The imported entry is found by an ISRC pasted in lower case with hyphens.
        await page.GotoAsync("catalog");
        await page.SettleAsync();
        await page.Locator("input[data-testid='catalog-search']").FillAsync("qz-e2e-26-00042");
        var links = page.ByTestId("catalog-entry-link");
        await Expect(links).ToHaveCountAsync(1);
        await Expect(links).ToHaveTextAsync("QZE2E2600042");
        await Expect(page.ByTestId("catalog-grid")).ToContainTextAsync("Imported song 42");
        await ExpectNoErrorUiAsync(page);
    });

    // Headers as a label's system might export them; three bad rows at the end.
    private static byte[] CatalogFile()
    {
        var csv = new StringBuilder("ISRC Code,Song Title,Artist Name,Remark\n");
        for (var i = 1; i <= GoodRows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"QZE2E26{i:D5},Imported song {i},Test Artist {i % 40},checked\n");
        }

        csv.Append("not-an-isrc,Broken song,Test Artist,\n");
        csv.Append("QZE2E2699998,,Test Artist,\n");
        csv.Append("QZE2E2600001,Duplicate of the first row,Test Artist,\n");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
