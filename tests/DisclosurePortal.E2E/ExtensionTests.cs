using System.Text.RegularExpressions;
using DisclosurePortal.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosurePortal.E2E;

/// <summary>A respondent asks for more time, an admin grants it, and the respondent's countdown moves to the new date.</summary>
public sealed class ExtensionTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public Task Respondent_asks_for_an_extension_an_admin_grants_it_and_the_countdown_moves() => RunAsync(nameof(Respondent_asks_for_an_extension_an_admin_grants_it_and_the_countdown_moves), async sessions =>
    {
        var respondent = await sessions.NewPageAsync("respondent");
        await respondent.SignInAsync(DemoAccounts.TessellateRespondent);
        await respondent.GotoAsync("/response/extension");
        await Expect(respondent.GetByRole(AriaRole.Heading, new() { Name = "More time to answer", Level = 1 })).ToBeVisibleAsync();
        await respondent.WaitForInteractiveAsync("extension-ask");
        var countdown = respondent.ByTestId("deadline-bar").ByTestId("countdown");
        var daysBefore = Days(await countdown.InnerTextAsync());

        // The demo request is due in about three weeks; ask for a day well after it (the test picks a date, it asserts no time).
        var wished = DateTime.UtcNow.Date.AddDays(60);
        await respondent.Locator("textarea[data-testid='extension-reason']").FillAsync("Our dataset audit finishes later than planned.");
        await respondent.Locator("input[data-testid='extension-date']").FillAsync(wished.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await respondent.ByTestId("extension-ask").ClickAsync();
        await Expect(respondent.ByTestId("extension-pending")).ToBeVisibleAsync();
        await Expect(respondent.ByTestId("extension-row").First.ByTestId("extension-status")).ToHaveTextAsync("waiting for the label");
        await Expect(respondent.ByTestId("deadline-bar")).ToContainTextAsync("Extension requested");

        var admin = await sessions.NewPageAsync("admin");
        await admin.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("/admin/extensions");
        var open = admin.ByTestId("extension-open").Filter(new() { HasText = DemoAccounts.Tessellate });
        await Expect(open).ToHaveCountAsync(1);
        await admin.WaitForInteractiveAsync("decision-grant");
        await Expect(open).ToContainTextAsync("Our dataset audit finishes later than planned.");
        await Expect(open.Locator("input[data-testid='decision-date']")).ToHaveValueAsync(wished.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Portal.SaveScreenshotAsync(admin, "admin-extension-requests");
        await open.ByTestId("decision-grant").ClickAsync();
        await Expect(admin.ByTestId("extension-decided")).ToContainTextAsync(DemoAccounts.Tessellate);
        await Expect(admin.ByTestId("extension-open").Filter(new() { HasText = DemoAccounts.Tessellate })).ToHaveCountAsync(0);

        // The respondent's open page follows the grant without a reload; after one it still says so.
        await Expect(respondent.ByTestId("deadline-bar")).ToContainTextAsync("Extension granted");
        await Expect(respondent.ByTestId("deadline-bar")).ToContainTextAsync(wished.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(Days(await countdown.InnerTextAsync()) > daysBefore + 30, "the countdown moved to the granted date");
        await respondent.ReloadAsync();
        await Expect(respondent.ByTestId("extension-row").First.ByTestId("extension-status")).ToHaveTextAsync("granted");
        await Expect(respondent.ByTestId("deadline-bar")).ToContainTextAsync(wished.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await Portal.SaveScreenshotAsync(respondent, "respondent-extension-granted");
        await ExpectNoErrorUiAsync(respondent);
    });

    /// <summary>The whole days of "20 d 04 h 12 m" (0 in the last day).</summary>
    private static int Days(string countdown)
    {
        var match = Regex.Match(countdown, @"(\d+) d");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}
