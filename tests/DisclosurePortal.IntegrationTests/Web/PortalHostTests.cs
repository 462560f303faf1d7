using System.Net;
using DisclosurePortal.Data.Demo;
using DisclosurePortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Web;

/// <summary>The portal as deployed (Production): health, security headers, HTTPS, sign-in wall, no stack traces.</summary>
public sealed class ProductionHostTests(ProductionPortal portal) : IClassFixture<ProductionPortal>
{
    [Fact]
    public async Task Health_endpoint_reports_healthy()
    {
        using var client = portal.CreateHttpsClient();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/account/login")]
    public async Task Responses_carry_the_security_headers(string path)
    {
        using var client = portal.CreateHttpsClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        // Blazor adds its own "frame-ancestors 'self'" policy to component pages; browsers enforce every
        // policy sent, so the portal's strict one must be among them.
        var policies = response.Headers.GetValues("Content-Security-Policy").ToList();
        var csp = Assert.Single(policies, p => p.Contains("default-src 'self'", StringComparison.Ordinal));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.All(policies, p => Assert.DoesNotContain("unsafe-eval", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        using var client = portal.CreateHttpClient();

        using var response = await client.GetAsync("/health?probe=1");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri("https://localhost/health?probe=1"), response.Headers.Location);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page()
    {
        using var client = portal.CreateHttpsClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var target = location.IsAbsoluteUri ? location : new Uri(new Uri("https://localhost"), location);
        Assert.Equal("/account/login", target.AbsolutePath);
        Assert.Contains("ReturnUrl=%2F", target.Query, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unhandled_exception_shows_the_friendly_error_page_without_details()
    {
        const string secret = "secret-detail-7f3a";
        using var throwing = portal.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter>(_ => new ThrowingPathStartupFilter("/test-only/throw", secret))));
        using var client = throwing.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        using var response = await client.GetAsync("/test-only/throw");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", body, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"error-reference\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("StackTrace", body, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Adds, after the portal's whole pipeline, a path that throws: the portal's exception handling must catch it.</summary>
    private sealed class ThrowingPathStartupFilter(string path, string message) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(path, branch => branch.Run(_ => throw new InvalidOperationException(message)));
        };
    }
}

/// <summary>In Development the portal skips HTTPS redirection and the content security policy (hot reload injects scripts).</summary>
public sealed class DevelopmentHostTests(DevelopmentPortal portal) : IClassFixture<DevelopmentPortal>
{
    [Fact]
    public async Task Development_serves_plain_http_and_keeps_the_basic_headers_without_a_content_security_policy()
    {
        using var client = portal.CreateHttpClient();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.False(response.Headers.Contains("Content-Security-Policy"));

        // appsettings.Development.json turns the demo on; the test host's Demo:Enabled=false wins over it.
        await using var db = portal.CreateDbContext();
        Assert.Equal(0, await db.Users.CountAsync());
    }
}

/// <summary>Demo data is never seeded in Production, whatever the configuration says.</summary>
public sealed class ProductionDemoTests(ProductionPortalWithDemoConfigured portal) : IClassFixture<ProductionPortalWithDemoConfigured>
{
    [Fact]
    public async Task Demo_data_is_not_seeded_in_production_even_when_enabled()
    {
        using var client = portal.CreateHttpsClient();
        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        await using var db = portal.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.CatalogRecordings.CountAsync());
        Assert.Equal(0, await db.Requests.CountAsync());
        Assert.Equal(0, await db.Companies.CountAsync());
        Assert.Equal(3, await db.Roles.CountAsync());
    }
}

/// <summary>The control for <see cref="ProductionDemoTests"/>: outside Production the same setting does seed.</summary>
public sealed class DemoModeTests(TestingPortalWithDemo portal) : IClassFixture<TestingPortalWithDemo>
{
    [Fact]
    public async Task Demo_data_is_seeded_outside_production_when_enabled()
    {
        using var client = portal.CreateHttpsClient();
        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        await using var db = portal.CreateDbContext();
        Assert.Equal(DemoSeeder.Logins.Select(l => l.Email).Order(), (await db.Users.Select(u => u.Email!).ToListAsync()).Order());
        Assert.Equal(DemoSeeder.CatalogSize, await db.CatalogRecordings.CountAsync());
        Assert.Equal(1, await db.Requests.CountAsync(r => r.IsDemo));
    }
}
