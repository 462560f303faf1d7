using DisclosurePortal.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosurePortal.E2E;

/// <summary>An admin drafts a request in the browser and sees the letter as companies will.</summary>
public sealed class RequestEditorTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public Task Admin_drafts_a_request_with_a_live_letter_preview() => RunAsync(nameof(Admin_drafts_a_request_with_a_live_letter_preview), async sessions =>
    {
        var page = await sessions.NewPageAsync("admin");
        await page.SignInAsync(DemoAccounts.Admin);
        await page.GotoAsync("requests");
        await page.ByTestId("new-request").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New request", Level = 1 })).ToBeVisibleAsync();
        await page.SettleAsync();

        var title = $"Follow-up request {Guid.NewGuid():N}"[..30];
        // MudBlazor puts the test id on the input element itself.
        await page.Locator("input[data-testid='request-title']").FillAsync(title);
        var letter = page.Locator("textarea[data-testid='request-letter']");
        await letter.FillAsync("**Second letter.**\n\n- which works\n- which copies");
        await letter.BlurAsync();
        await Expect(page.ByTestId("letter-text").Locator("strong")).ToHaveTextAsync("Second letter.");
        await Expect(page.ByTestId("letter-text").Locator("li")).ToHaveCountAsync(2);

        await page.ByTestId("request-save").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/requests/\d+/edit$"));
        await Expect(page.GetByText("Draft — only admins can see it until it is sent.")).ToBeVisibleAsync();
        await Portal.SaveScreenshotAsync(page, "admin-request-editor");

        // The draft is on the admin's list, and not on the reviewer's board.
        await page.GotoAsync("requests");
        await Expect(page.GetByText(title)).ToBeVisibleAsync();
        var reviewer = await sessions.NewPageAsync("reviewer");
        await reviewer.SignInAsync(DemoAccounts.Reviewer);
        await Expect(reviewer.ByTestId("company-board")).ToHaveCountAsync(1);
        await Expect(reviewer.GetByText(title)).ToHaveCountAsync(0);
        await ExpectNoErrorUiAsync(page);
    });
}
