using Microsoft.Playwright;

namespace DisclosurePortal.E2E.Infrastructure;

/// <summary>
/// The browser pages one test opened, each in its own context. On failure each page's screenshot, its
/// console errors and the portal's recent log are saved under artifacts/e2e-failures/ for a person to look at.
/// </summary>
public sealed class BrowserSessions(PortalFixture portal) : IAsyncDisposable
{
    private readonly List<(string Label, IPage Page, List<string> Console)> pages = [];

    /// <summary>A fresh context (no cookies) with one page; <paramref name="label"/> names it in failure artifacts.</summary>
    public async Task<IPage> NewPageAsync(string label)
    {
        var page = await portal.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (console)
                {
                    console.Add($"[{message.Type}] {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (console)
            {
                console.Add($"[pageerror] {error}");
            }
        };
        pages.Add((label, page, console));
        return page;
    }

    public async Task SaveFailureArtifactsAsync(string testName, Exception failure)
    {
        var folder = Path.Combine(portal.ArtifactsDirectory, "e2e-failures");
        Directory.CreateDirectory(folder);
        var report = new List<string> { $"{testName} failed:", failure.ToString(), string.Empty };
        foreach (var (label, page, console) in pages)
        {
            var file = Path.Combine(folder, $"{testName}-{label}.png");
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Timeout = 10_000 });
                report.Add($"[{label}] {page.Url} -> {file}");
            }
            catch (PlaywrightException ex)
            {
                report.Add($"[{label}] {page.Url}: no screenshot ({ex.Message})");
            }

            lock (console)
            {
                report.AddRange(console.Select(line => $"[{label}] {line}"));
            }
        }

        report.Add(string.Empty);
        report.Add("--- portal log (recent) ---");
        report.Add(portal.PortalLog);
        await File.WriteAllLinesAsync(Path.Combine(folder, $"{testName}.log"), report);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, page, _) in pages)
        {
            await page.Context.DisposeAsync();
        }

        pages.Clear();
    }
}

/// <summary>Base of the browser tests: runs a test body with its own pages and keeps evidence when it fails.</summary>
[Collection(PortalCollection.Name)]
public abstract class BrowserTest(PortalFixture portal)
{
    protected PortalFixture Portal { get; } = portal;

    /// <summary>The page is in one piece: Blazor's error bar is hidden and no unhandled error is shown.</summary>
    protected static async Task ExpectNoErrorUiAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByText("An unhandled error has occurred")).ToHaveCountAsync(0);
    }

    protected async Task RunAsync(string testName, Func<BrowserSessions, Task> body)
    {
        await using var sessions = new BrowserSessions(Portal);
        try
        {
            await body(sessions);
        }
        catch (Exception ex)
        {
            await sessions.SaveFailureArtifactsAsync(testName, ex);
            throw;
        }
    }
}
