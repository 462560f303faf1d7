using System.Security.Claims;
using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Account;

/// <summary>The signed-in person's own account, for the static "manage" pages.</summary>
public sealed class SignedInAccount(UserManager<PortalUser> users, NavigationManager navigation, IOptions<AccountOptions> options)
{
    /// <summary>
    /// The user behind the cookie, or null after redirecting to sign-in when the account no longer exists
    /// (the cookie outlives a deleted user until it is revalidated). Callers return when it is null.
    /// </summary>
    public async Task<PortalUser?> LoadAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            navigation.NavigateTo("/account/login", forceLoad: true);
        }

        return user;
    }

    /// <summary>Admins must keep two-factor sign-in on when the portal is configured so.</summary>
    public bool MustUseTwoFactor(ClaimsPrincipal principal) =>
        options.Value.RequireTwoFactorForAdmins && principal.IsInRole(PortalRoles.Admin);
}
