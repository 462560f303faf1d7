using DisclosurePortal.Core.Synthetic;
using DisclosurePortal.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosurePortal.E2E;

/// <summary>A reviewer pastes an ISRC the way people do (hyphens, lower case) and lands on the recording.</summary>
public sealed class CatalogBrowserTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public Task Reviewer_finds_a_recording_by_a_pasted_isrc() => RunAsync(nameof(Reviewer_finds_a_recording_by_a_pasted_isrc), async sessions =>
    {
        // The demo catalog is SyntheticCatalog.Generate(3000); take one of its recordings.
        var recording = SyntheticCatalog.Generate(3000).ElementAt(1234);
        var page = await sessions.NewPageAsync("reviewer");
        await page.SignInAsync(DemoAccounts.Reviewer);
        await page.GotoAsync("catalog");
        await page.SettleAsync();

        await page.Locator("input[data-testid='catalog-search']").FillAsync(recording.Isrc.Formatted.ToLowerInvariant());
        var links = page.ByTestId("catalog-entry-link");
        await Expect(links).ToHaveCountAsync(1);
        await Expect(links).ToHaveTextAsync(recording.Isrc.Value);
        await Portal.SaveScreenshotAsync(page, "reviewer-catalog-search");

        await links.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = recording.Title, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.ByTestId("catalog-facts")).ToContainTextAsync(recording.Isrc.Formatted);
        await Expect(page.ByTestId("catalog-facts")).ToContainTextAsync(recording.Artist);
        await ExpectNoErrorUiAsync(page);
    });
}
