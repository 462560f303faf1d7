using System.Globalization;
using System.Security.Claims;
using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Account;

/// <summary>Adds the respondent's company and display name to the sign-in cookie.</summary>
public sealed class PortalClaimsPrincipalFactory(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    public const string CompanyClaim = "portal:company";
    public const string DisplayNameClaim = "portal:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? string.Empty : user.DisplayName));
        if (user.CompanyId is { } companyId)
        {
            identity.AddClaim(new Claim(CompanyClaim, companyId.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
