using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Account;

/// <summary>
/// With Accounts:RequireTwoFactorForAdmins on, a signed-in admin without an authenticator app is sent to set one
/// up before any other page: admins can see every company's answers, so a password alone is not enough.
/// Account pages, static files, the Blazor connection and the health check stay reachable.
/// </summary>
public sealed class AdminTwoFactorRequirement(RequestDelegate next, IOptionsMonitor<AccountOptions> options)
{
    public const string SetupPath = "/account/manage/enable-authenticator";

    // Static files are served from /assets (UseStaticFiles), /_content and /_framework (MapStaticAssets);
    // the error pages are re-executed in place of a failed request and show nothing of the portal's data.
    private static readonly PathString[] Exempt =
    [
        "/account", "/assets", "/_content", "/_framework", "/_blazor", "/health", "/favicon.ico", "/error", "/not-found",
    ];

    public async Task InvokeAsync(HttpContext context, UserManager<PortalUser> users)
    {
        if (options.CurrentValue.RequireTwoFactorForAdmins
            && context.User.IsInRole(PortalRoles.Admin)
            && !Exempt.Any(p => context.Request.Path.StartsWithSegments(p))
            && await users.GetUserAsync(context.User) is { } user
            && !await users.GetTwoFactorEnabledAsync(user))
        {
            context.Response.Redirect(SetupPath);
            return;
        }

        await next(context);
    }
}
