using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Account;

/// <summary>
/// Limits how fast one network address can post the forms that guess at credentials or tokens: sign-in,
/// two-factor and recovery codes, password reset, invitation acceptance. Other requests are not limited.
/// </summary>
public static class AccountRateLimiting
{
    private static readonly string[] GuardedPaths =
    [
        "/account/login", "/account/login-2fa", "/account/login-recovery-code",
        "/account/forgot-password", "/account/reset-password", "/invitation/",
    ];

    public static IServiceCollection AddAccountRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method) || GuardedPath(context.Request.Path) is not { } path)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var perMinute = context.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.FormPostsPerMinute;
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter($"{address} {path}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var logger = rejected.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccountRateLimiting));
                logger.LogWarning("Too many posts to {Path} from {Address}; refused for the rest of the minute", rejected.HttpContext.Request.Path.Value, rejected.HttpContext.Connection.RemoteIpAddress);
                rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await rejected.HttpContext.Response.WriteAsync("Too many attempts from your network in a short time. Wait a minute, then try again.", cancellationToken);
            };
        });
        return services;
    }

    private static string? GuardedPath(PathString path) =>
        GuardedPaths.FirstOrDefault(g => g.EndsWith('/')
            ? path.StartsWithSegments(g.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            : path.Equals(g, StringComparison.OrdinalIgnoreCase));
}
