using System.Globalization;
using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Components.Authorization;

namespace DisclosurePortal.Web.Features.Account;

/// <summary>Who is signed in, as the portal's services need it.</summary>
public sealed record PortalPrincipal(string UserId, string DisplayName, int? CompanyId, bool IsAdmin, bool IsReviewer, bool IsRespondent)
{
    public bool IsStaff => IsAdmin || IsReviewer;
}

/// <summary>
/// Reads the signed-in user once per circuit or request and opens the matching <see cref="CompanyScope"/>,
/// so every query after it is filtered to what that user may see.
/// </summary>
public sealed class PortalSession(AuthenticationStateProvider authentication, CompanyScope scope)
{
    private PortalPrincipal? current;

    public async Task<PortalPrincipal> GetAsync()
    {
        if (current is not null)
        {
            return current;
        }

        return UseRequestUser((await authentication.GetAuthenticationStateAsync()).User);
    }

    /// <summary>The signed-in user, or null where nobody is (background work has no authentication state at all).</summary>
    public async Task<PortalPrincipal?> FindAsync()
    {
        if (current is not null)
        {
            return current;
        }

        try
        {
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            return FromClaims(user) is null ? null : UseRequestUser(user);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// For plain HTTP endpoints (downloads), where there is no Blazor authentication state: the request's own
    /// user is the signed-in user, and the company scope opens for it as in a circuit.
    /// </summary>
    public PortalPrincipal UseRequestUser(ClaimsPrincipal user)
    {
        var principal = FromClaims(user) ?? throw new UnauthorizedAccessException("Not signed in.");
        current = principal;
        if (principal.IsStaff)
        {
            scope.ForStaff();
        }
        else if (principal.CompanyId is { } companyId)
        {
            scope.ForCompany(companyId);
        }

        return principal;
    }

    /// <summary>A respondent's company; anyone else is refused.</summary>
    public async Task<int> RequireCompanyAsync()
    {
        var principal = await GetAsync();
        return principal is { IsRespondent: true, CompanyId: { } id } ? id : throw new UnauthorizedAccessException("Only respondents answer for a company.");
    }

    /// <summary>An admin; anyone else is refused.</summary>
    public async Task<PortalPrincipal> RequireAdminAsync()
    {
        var principal = await GetAsync();
        return principal.IsAdmin ? principal : throw new UnauthorizedAccessException("Only admins may do this.");
    }

    public async Task RequireStaffAsync()
    {
        if (!(await GetAsync()).IsStaff)
        {
            throw new UnauthorizedAccessException("Only label staff may do this.");
        }
    }

    internal static PortalPrincipal? FromClaims(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user.Identity?.IsAuthenticated != true || id is null)
        {
            return null;
        }

        var company = user.FindFirstValue(PortalClaimsPrincipalFactory.CompanyClaim);
        return new PortalPrincipal(
            id,
            user.FindFirstValue(PortalClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity.Name ?? string.Empty,
            company is null ? null : int.Parse(company, CultureInfo.InvariantCulture),
            user.IsInRole(PortalRoles.Admin),
            user.IsInRole(PortalRoles.Reviewer),
            user.IsInRole(PortalRoles.Respondent));
    }
}
