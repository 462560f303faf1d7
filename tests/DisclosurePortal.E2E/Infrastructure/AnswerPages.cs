using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosurePortal.E2E.Infrastructure;

/// <summary>Steps on the answer pages (questionnaire, submission, versions, extension), waiting on the UI.</summary>
internal static class AnswerPages
{
    /// <summary>Opens the questionnaire and waits until it is connected to the circuit, so typing reaches the server.</summary>
    public static async Task OpenQuestionnaireAsync(this IPage page)
    {
        await page.GotoAsync("/response/questionnaire");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Questionnaire", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='save-state'][data-interactive='true']")).ToBeVisibleAsync();
    }

    /// <summary>A MudBlazor text field by its test id (the attribute lands on the input itself).</summary>
    public static ILocator Field(this IPage page, string testId) => page.Locator($"input[data-testid='{testId}'], textarea[data-testid='{testId}']");

    public static async Task FillFieldAsync(this IPage page, string testId, string value)
    {
        var field = page.Field(testId).First;
        await field.FillAsync(value);
        await field.BlurAsync();
    }

    public static async Task NextSectionAsync(this IPage page, string title)
    {
        await page.ByTestId("q-next").ClickAsync();
        await Expect(page.ByTestId("q-section-title")).ToHaveTextAsync(title);
    }

    /// <summary>Waits for the autosave to have written everything typed so far.</summary>
    public static Task ExpectSavedAsync(this IPage page) =>
        Expect(page.ByTestId("save-state")).ToContainTextAsync("All changes saved", new() { Timeout = 20_000 });

    /// <summary>
    /// Pages are prerendered: what is typed or ticked before the circuit has connected is lost when it renders. The
    /// answer pages mark their main button with data-interactive once it is live; wait for that.
    /// </summary>
    public static Task WaitForInteractiveAsync(this IPage page, string testId) =>
        Expect(page.Locator($"[data-testid='{testId}'][data-interactive='true']")).ToHaveCountAsync(1);

    /// <summary>Opens the review page and waits until it is live.</summary>
    public static async Task OpenSubmitAsync(this IPage page)
    {
        await page.GotoAsync("/response/submit");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review and submit", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync("submit");
    }

    /// <summary>Signs and submits from the review page; returns when the receipt page of the new version shows.</summary>
    public static async Task SignAndSubmitAsync(this IPage page, string name, int expectedVersion)
    {
        await page.FillFieldAsync("sign-name", name);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "I confirm the statement above" }).CheckAsync();
        await page.ByTestId("submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/response/versions/{expectedVersion}\\?submitted="));
        await Expect(page.ByTestId("submitted-notice")).ToBeVisibleAsync();
    }
}
