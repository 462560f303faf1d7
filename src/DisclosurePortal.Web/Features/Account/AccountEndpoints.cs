using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DisclosurePortal.Web.Features.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post with the antiforgery token, so another site cannot sign a user out.
        endpoints.MapPost("/account/logout", async (HttpContext context, SignInManager<PortalUser> signIn, SignInAudit signInRecord, [FromForm] string? returnUrl) =>
        {
            if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
            {
                await signInRecord.RecordSignOutAsync(user);
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(AccountRedirects.IsLocal(returnUrl) ? returnUrl! : "/account/login");
        });
        return endpoints;
    }
}
