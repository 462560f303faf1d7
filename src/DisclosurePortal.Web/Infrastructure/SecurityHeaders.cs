namespace DisclosurePortal.Web.Infrastructure;

public static class SecurityHeaders
{
    // Blazor Server needs its own script and a WebSocket to the same origin; MudBlazor sets inline styles.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>Headers on every response; the content security policy only when <paramref name="strict"/> (not in Development, where hot reload injects scripts).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, bool strict) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (strict)
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            await next();
        });
}
