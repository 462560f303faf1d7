using DisclosurePortal.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Infrastructure;

/// <summary>
/// The real portal (Program.cs) in memory, in a chosen environment, on its embedded SQLite database in a
/// temporary data folder. Demo data is off unless asked for. HTTPS is on port 443 so redirection can be seen.
/// </summary>
public class PortalWebFactory(string environment, bool demo = false) : WebApplicationFactory<Program>
{
    private readonly TempDirectory data = new("portal-web");

    public string Environment => environment;

    public string DataDirectory => data.Path;

    /// <summary>A client that does not follow redirects, so tests see them.</summary>
    public HttpClient CreateHttpsClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
    });

    public HttpClient CreateHttpClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("http://localhost"),
    });

    /// <summary>A staff-scoped database context on the portal's own database.</summary>
    public PortalDbContext CreateDbContext() =>
        new(PortalDatabase.Options(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(data.Path, "portal.db")}"), CompanyScope.Staff());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Storage:DataDirectory", data.Path);
        builder.UseSetting("Email:PickupDirectory", Path.Combine(data.Path, "outbox"));
        builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
        builder.UseSetting("https_port", "443");
        builder.ConfigureServices(services => services.IgnoreManyEfServiceProviders());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        data.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class ProductionPortal() : PortalWebFactory("Production");

public sealed class DevelopmentPortal() : PortalWebFactory("Development");

/// <summary>Production with Demo:Enabled=true: the demo must still not be seeded.</summary>
public sealed class ProductionPortalWithDemoConfigured() : PortalWebFactory("Production", demo: true);

/// <summary>A non-Production environment with the demo on: seeding happens (the control for the Production case).</summary>
public sealed class TestingPortalWithDemo() : PortalWebFactory("Testing", demo: true);
