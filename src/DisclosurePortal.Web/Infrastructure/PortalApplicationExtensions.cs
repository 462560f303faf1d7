using DisclosurePortal.Web.Features.Review.Evidence;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Demo;
using DisclosurePortal.Web.Components;
using DisclosurePortal.Web.Features.Account;
using DisclosurePortal.Web.Features.Catalog;
using DisclosurePortal.Web.Features.Companies;
using DisclosurePortal.Web.Features.Responses;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Infrastructure;

public static class PortalApplicationExtensions
{
    /// <summary>Migrates (when configured), ensures roles, and seeds demo data in demo mode.</summary>
    public static async Task InitializePortalDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff();
        await scope.ServiceProvider.GetRequiredService<PortalDatabaseInitializer>().InitializeAsync();

        if (!app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DisclosurePortal.Demo");
        if (app.Environment.IsProduction())
        {
            logger.LogWarning("Demo mode is configured but ignored: demo data is never seeded in Production.");
            return;
        }

        if (await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync())
        {
            logger.LogInformation("Seeded demo data: {Recordings} catalog recordings, 1 request, 2 companies", DemoSeeder.CatalogSize);
        }

        app.Lifetime.ApplicationStarted.Register(() => DemoAnnouncement.Print(app.Urls));
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders(strict: !app.Environment.IsDevelopment());
        // 403 gets the role notice, every other error status the not-found page (which reveals nothing either).
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "assets")),
            RequestPath = "/assets",
        });
        app.UseRateLimiter();

        // Inside the status-code pages, so a 403 from authorization gets its page (the implicit ones would run outside).
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<AdminTwoFactorRequirement>();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPortalEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapAccountEndpoints();
        app.MapCatalogEndpoints();
        app.MapCompanyEndpoints();
        app.MapResponseEndpoints();
        app.MapEvidenceEndpoints();
        // Our own policy (SecurityHeaders) already forbids framing; a second CSP header from Blazor would only add noise.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
