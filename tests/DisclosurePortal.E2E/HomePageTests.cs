using DisclosurePortal.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosurePortal.E2E;

/// <summary>Each demo role signs in through the real form and lands on its own home page.</summary>
public sealed class HomePageTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public Task Admin_lands_on_administration_with_request_stats() => RunAsync(nameof(Admin_lands_on_administration_with_request_stats), async sessions =>
    {
        var page = await sessions.NewPageAsync("admin");
        await page.SignInAsync(DemoAccounts.Admin);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Administration", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.ByTestId("stat-value")).ToHaveCountAsync(4);
        await Expect(page.GetByText("Companies asked")).ToBeVisibleAsync();
        // The demo request goes to two companies.
        await Expect(page.ByTestId("stat-value").First).ToHaveTextAsync("2");
        await Expect(page.GetByText("Current request")).ToBeVisibleAsync();
        await Expect(page.ByTestId("countdown")).ToBeVisibleAsync();
        await ExpectNoErrorUiAsync(page);
        await SaveHomeScreenshotAsync(page, "admin");
    });

    [Fact]
    public Task Reviewer_lands_on_the_company_board_with_countdowns() => RunAsync(nameof(Reviewer_lands_on_the_company_board_with_countdowns), async sessions =>
    {
        var page = await sessions.NewPageAsync("reviewer");
        await page.SignInAsync(DemoAccounts.Reviewer);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review", Level = 1 })).ToBeVisibleAsync();
        var board = page.ByTestId("company-board");
        await Expect(board).ToBeVisibleAsync();
        await Expect(board.GetByText(DemoAccounts.Northwind)).ToBeVisibleAsync();
        await Expect(board.GetByText(DemoAccounts.Tessellate)).ToBeVisibleAsync();
        await Expect(board.ByTestId("countdown")).ToHaveCountAsync(2);
        await Expect(board.ByTestId("countdown").First).ToHaveTextAsync(DurationText());
        await Expect(page.GetByText("Administration", new() { Exact = true })).ToHaveCountAsync(0);
        await ExpectNoErrorUiAsync(page);
        await SaveHomeScreenshotAsync(page, "reviewer");
    });

    [Fact]
    public Task Respondent_lands_on_its_company_with_a_countdown() => RunAsync(nameof(Respondent_lands_on_its_company_with_a_countdown), async sessions =>
    {
        var page = await sessions.NewPageAsync("respondent");
        await page.SignInAsync(DemoAccounts.NorthwindRespondent);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = DemoAccounts.Northwind, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Time left to answer")).ToBeVisibleAsync();
        await Expect(page.ByTestId("countdown")).ToBeVisibleAsync();
        await Expect(page.ByTestId("countdown")).ToHaveTextAsync(DurationText());
        await Expect(page.GetByText(DemoAccounts.Tessellate)).ToHaveCountAsync(0);
        await ExpectNoErrorUiAsync(page);
        await SaveHomeScreenshotAsync(page, "respondent");
    });

    /// <summary>"20 d 04 h 12 m" or, in the last day, "5 h 03 m 09 s".</summary>
    private static System.Text.RegularExpressions.Regex DurationText() => new(@"\d+ (d|h) \d\d (h|m)");

    private Task SaveHomeScreenshotAsync(IPage page, string role) => Portal.SaveScreenshotAsync(page, $"{role}-home");
}
