using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosurePortal.E2E.Infrastructure;

/// <summary>What a person does on the portal, in Playwright steps that wait on the UI, never on the clock.</summary>
internal static partial class PortalPages
{
    public static ILocator ByTestId(this IPage page, string testId) => page.Locator($"[data-testid='{testId}']");

    public static ILocator ByTestId(this ILocator scope, string testId) => scope.Locator($"[data-testid='{testId}']");

    /// <summary>Fills the real sign-in form and submits it; the caller checks where it leads.</summary>
    public static async Task SubmitSignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.ByTestId("sign-in").ClickAsync();
    }

    /// <summary>
    /// Signs in with a demo account and waits for its home page ("/"), live on its circuit unless
    /// <paramref name="waitForCircuit"/> is false (a test that holds the circuit back).
    /// </summary>
    public static async Task SignInAsync(this IPage page, string email, bool waitForCircuit = true)
    {
        await page.SubmitSignInAsync(email, DemoAccounts.Password);
        await Expect(page).ToHaveURLAsync(HomeUrl());
        await Expect(page.ByTestId("sign-out")).ToBeVisibleAsync();
        if (waitForCircuit)
        {
            await page.WaitForInteractiveAsync();
        }
    }

    /// <summary>
    /// Waits for the circuit's first render of the page: a link clicked while the prerendered page is being
    /// replaced can be lost (seen under load), so the next step starts only once the page is live.
    /// </summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        Expect(page.Locator("[data-testid='page-body'][data-interactive='true']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });

    public static Regex HomeUrl() => HomeUrlPattern();

    /// <summary>Opens the respondent's work-list page and waits until its file input is wired to the live circuit.</summary>
    public static async Task OpenWorkListsAsync(this IPage page)
    {
        await page.GotoAsync("/response");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Work lists", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForUploadInputAsync();
    }

    /// <summary>
    /// The page is prerendered, and its file input only reaches the server once the Blazor circuit has
    /// connected and InputFile has initialised it (it then carries _blazorInputFileNextFileId). Until then a
    /// chosen file would go nowhere, so wait for exactly that, and for the input not to be busy.
    /// </summary>
    public static Task WaitForUploadInputAsync(this IPage page, string testId = "worklist-input") =>
        page.WaitForFunctionAsync(
            """
            testId => {
              const input = document.querySelector(`[data-testid='${testId}']`);
              return !!input && !input.disabled && input._blazorInputFileNextFileId !== undefined;
            }
            """,
            testId,
            new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 100 });

    /// <summary>
    /// Chooses a file in the hidden input, as a person choosing it in the file dialog, and (unless told not to)
    /// confirms the columns the portal suggests once it shows them; a refused file shows no columns.
    /// </summary>
    public static async Task UploadWorkListAsync(this IPage page, string fileName, byte[] content, string mimeType = "text/csv", bool confirmColumns = true)
    {
        await page.WaitForUploadInputAsync();
        await page.ByTestId("worklist-input").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mimeType, Buffer = content });
        var mapping = page.ByTestId("column-mapping");
        await Expect(mapping.Or(page.ByTestId("upload-refused"))).ToBeVisibleAsync(new() { Timeout = 60_000 });
        if (confirmColumns && await mapping.CountAsync() > 0)
        {
            await page.ByTestId("mapping-confirm").ClickAsync();
            await Expect(mapping).ToHaveCountAsync(0);
        }
    }

    public static ILocator UploadHistoryRows(this IPage page) => page.ByTestId("upload-history").Locator("tbody tr");

    public static ILocator UploadHistoryRow(this IPage page, string fileName) =>
        page.UploadHistoryRows().Filter(new LocatorFilterOptions { Has = page.GetByText(fileName, new() { Exact = true }) });

    /// <summary>A cell of an upload's row in the history, by column.</summary>
    public static ILocator Cell(this ILocator row, UploadColumn column) => row.Locator("td").Nth((int)column);

    /// <summary>
    /// Waits until the upload in <paramref name="row"/> has reached <paramref name="stage"/> (its rows read and
    /// matched in the background); <paramref name="timeout"/> bounds the wait for long lists.
    /// </summary>
    public static Task WaitForStageAsync(this ILocator row, string stage, float timeout = 60_000) =>
        Expect(row.ByTestId("upload-stage")).ToHaveAttributeAsync("data-stage", stage, new() { Timeout = timeout });

    /// <summary>The history as it stands once the page has loaded: how many uploads, and the sum of accepted rows.</summary>
    public static async Task<(int Uploads, int Accepted)> UploadTotalsAsync(this IPage page)
    {
        var rows = page.UploadHistoryRows();
        var accepted = await rows.Locator($"td:nth-child({(int)UploadColumn.Accepted + 1})").AllInnerTextsAsync();
        return (await rows.CountAsync(), accepted.Sum(ParseCount));
    }

    public static int ParseCount(string text) =>
        int.Parse(string.Concat(text.Where(char.IsAsciiDigit)), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Lets late requests (styles, scripts, the circuit's first render) settle before a screenshot.</summary>
    public static async Task SettleAsync(this IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 30_000 });
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
    }

    [GeneratedRegex(@"^https?://[^/]+/$")]
    private static partial Regex HomeUrlPattern();
}

/// <summary>The columns of the respondent's upload history.</summary>
internal enum UploadColumn
{
    File,
    Received,
    Stage,
    Accepted,
    Rejected,
    Matched,
    Sha256,
}
