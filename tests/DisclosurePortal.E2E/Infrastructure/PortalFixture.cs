using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace DisclosurePortal.E2E.Infrastructure;

/// <summary>
/// Starts the real portal (the Web project's build output) as its own process on a free loopback port,
/// in demo mode on an empty data folder, and one headless Chromium for all tests of the collection.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    /// <summary>Bounded wait for the portal to answer /health: first start migrates and seeds 3,000 recordings.</summary>
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);

    private const string DefaultChromium = "/usr/bin/chromium";
    private const int MaxLogLines = 400;

    private readonly ConcurrentQueue<string> log = new();
    private Process? portal;
    private IPlaywright? playwright;

    public PortalFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        Configuration = BuildConfiguration();
        WebProjectDirectory = Path.Combine(RepositoryRoot, "src", "DisclosurePortal.Web");
        DataDirectory = Path.Combine(Path.GetTempPath(), $"disclosure-portal-e2e-{Guid.NewGuid():N}");
        ArtifactsDirectory = Path.Combine(RepositoryRoot, "artifacts");
    }

    public string RepositoryRoot { get; }

    /// <summary>Debug or Release: the configuration this test assembly was built with, so the portal of the same build runs.</summary>
    public string Configuration { get; }

    public string WebProjectDirectory { get; }

    /// <summary>The fresh folder holding this run's database, uploads and e-mail pickup folder.</summary>
    public string DataDirectory { get; }

    public string ArtifactsDirectory { get; }

    public string ScreenshotsDirectory => Path.Combine(ArtifactsDirectory, "screenshots");

    public Uri BaseUrl { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The last lines the portal wrote to stdout/stderr, for failure messages.</summary>
    public string PortalLog => string.Join(Environment.NewLine, log);

    public async Task InitializeAsync()
    {
        var webDll = Path.Combine(WebProjectDirectory, "bin", Configuration, "net10.0", "DisclosurePortal.Web.dll");
        if (!File.Exists(webDll))
        {
            throw new InvalidOperationException(
                $"The portal is not built at {webDll}. Build the E2E project (it builds DisclosurePortal.Web first) in the {Configuration} configuration.");
        }

        Directory.CreateDirectory(DataDirectory);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        await StartPortalAsync(webDll);
        await StartBrowserAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        StopPortal();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Uploaded files are stored read-only; a leftover temp folder is harmless.
        }
    }

    /// <summary>A full-page screenshot for people to look at: artifacts/screenshots/&lt;name&gt;.png.</summary>
    public async Task SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotsDirectory);
        await page.SettleAsync();

        // From the top, so the fixed app bar is not painted over the middle of a full-page shot.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotsDirectory, $"{name}.png"), FullPage = true });
    }

    /// <summary>A new, isolated browser context (no cookies shared with other tests) and a page in it.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    private async Task StartPortalAsync(string webDll)
    {
        // A port picked free may be taken before the portal binds it; try a few times.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            BaseUrl = new Uri($"http://127.0.0.1:{port}/");
            var process = portal = Launch(webDll, port);
            var outcome = await WaitUntilHealthyAsync(process);
            if (outcome == StartOutcome.Healthy)
            {
                return;
            }

            string? exitCode = null;
            if (outcome == StartOutcome.Exited)
            {
                // Waiting without a timeout also drains the redirected output, so the log is complete.
                process.WaitForExit();
                exitCode = process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var output = PortalLog;
            StopPortal();
            if (exitCode is not null && attempt < 3 && output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                log.Clear();
                continue;
            }

            throw new InvalidOperationException(
                (exitCode is not null
                    ? $"The portal exited during start-up (exit code {exitCode})."
                    : $"The portal did not answer {BaseUrl}health with 200 within {StartupTimeout.TotalSeconds:N0} s.") +
                $"{Environment.NewLine}Command: dotnet {webDll} --urls {Listen(port)}{Environment.NewLine}Working directory: {WebProjectDirectory}" +
                $"{Environment.NewLine}Data directory: {DataDirectory}" +
                $"{Environment.NewLine}--- portal stdout/stderr (last {MaxLogLines} lines) ---{Environment.NewLine}{output}");
        }
    }

    private static string Listen(int port) => $"http://127.0.0.1:{port}";

    private Process Launch(string webDll, int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WebProjectDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(webDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Listen(port));

        // Only the command line decides where the portal listens.
        foreach (var name in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Storage__DataDirectory"] = DataDirectory;
        start.Environment["Email__PickupDirectory"] = Path.Combine(DataDirectory, "outbox");
        start.Environment["Accounts__FormPostsPerMinute"] = "10000"; // every test signs in from this one address
        // The embedded database in the fresh folder, whatever the machine's environment says.
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Sqlite"] = "Data Source={DataDirectory}/portal.db";
        start.Environment["Logging__Console__DisableColors"] = "true";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data is null ? null : $"[stderr] {e.Data}");
        if (!process.Start())
        {
            throw new InvalidOperationException("Could not start 'dotnet' for the portal.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private enum StartOutcome
    {
        Healthy,
        Exited,
        TimedOut,
    }

    private async Task<StartOutcome> WaitUntilHealthyAsync(Process process)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartupTimeout)
        {
            if (process.HasExited)
            {
                return StartOutcome.Exited;
            }

            try
            {
                using var response = await http.GetAsync(new Uri("health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return StartOutcome.Healthy;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        return process.HasExited ? StartOutcome.Exited : StartOutcome.TimedOut;
    }

    private async Task StartBrowserAsync()
    {
        // The Playwright driver (node + package) is copied from the NuGet package into the test output.
        var driver = Path.Combine(AppContext.BaseDirectory, ".playwright");
        if (!Directory.Exists(Path.Combine(driver, "package")))
        {
            throw new InvalidOperationException($"The Playwright driver is missing from {driver}; it comes with the Microsoft.Playwright package on build.");
        }

        var chromium = Environment.GetEnvironmentVariable("E2E_CHROMIUM") is { Length: > 0 } custom ? custom : DefaultChromium;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {chromium}. Install it with the system package manager (Debian: apt-get install chromium) " +
                "or set E2E_CHROMIUM to its path; browsers are not downloaded by the tests.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Timeout = 60_000,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        });
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    private void StopPortal()
    {
        var process = portal;
        portal = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => StopPortal();

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        log.Enqueue(line);
        while (log.Count > MaxLogLines && log.TryDequeue(out _))
        {
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DisclosurePortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"DisclosurePortal.sln was not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>The test output is bin/&lt;Configuration&gt;/&lt;TargetFramework&gt;/; take the configuration from there.</summary>
    private static string BuildConfiguration()
    {
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var configuration = output.Parent;
        if (configuration?.Parent is { Name: "bin" })
        {
            return configuration.Name;
        }

        throw new InvalidOperationException($"The test assembly is not in bin/<Configuration>/<TargetFramework>/: {AppContext.BaseDirectory}");
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal";
}
