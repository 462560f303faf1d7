using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Web.Features.Audit;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Users;

public sealed record UserRow(string Id, string Email, string DisplayName, string Role, string? Company, bool IsDisabled, bool TwoFactor);

public sealed record CompanyOption(int Id, string Name);

/// <summary>Admins create accounts (there is no self-registration) and disable them.</summary>
// Identity saves through the scoped context: entries staged in identityDb commit with the user change that follows.
public sealed class StaffUserService(
    UserManager<PortalUser> users, PortalDbContext identityDb, IDbContextFactory<PortalDbContext> dbFactory, PortalSession session, TimeProvider clock, AuditTrail audit, ILogger<StaffUserService> logger)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync()
    {
        await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles on u.Id equals ur.UserId into roles
                          from ur in roles.DefaultIfEmpty()
                          join r in db.Roles on ur.RoleId equals r.Id into roleNames
                          from r in roleNames.DefaultIfEmpty()
                          orderby u.Email
                          select new { u.Id, u.Email, u.DisplayName, Role = r != null ? r.Name : null, Company = u.Company != null ? u.Company!.Name : null, u.LockoutEnd, u.TwoFactorEnabled })
                         .ToListAsync();
        return rows.Select(u => new UserRow(u.Id, u.Email ?? string.Empty, u.DisplayName, u.Role ?? "—", u.Company, u.LockoutEnd > now.AddYears(50), u.TwoFactorEnabled)).ToList();
    }

    public async Task<IReadOnlyList<CompanyOption>> CompaniesAsync()
    {
        await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Companies.AsNoTracking().OrderBy(c => c.Name).Select(c => new CompanyOption(c.Id, c.Name)).ToListAsync();
    }

    /// <summary>Creates the account; returns the errors in words, or none when it worked.</summary>
    public async Task<IReadOnlyList<string>> CreateAsync(string email, string displayName, string role, int? companyId, string password)
    {
        await session.RequireAdminAsync();
        if (!PortalRoles.All.Contains(role))
        {
            return ["Choose a role."];
        }

        if (!Core.Companies.ContactEmail.TryParse(email, out _, out var reason))
        {
            return [$"The e-mail address: {reason}."];
        }

        if (string.IsNullOrWhiteSpace(displayName))
        {
            return ["Enter the person's name."];
        }

        if (role == PortalRoles.Respondent && companyId is null)
        {
            return ["A respondent must belong to a company."];
        }

        var user = new PortalUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = displayName.Trim(),
            CompanyId = role == PortalRoles.Respondent ? companyId : null,
            CreatedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            await audit.RecordAsync(identityDb, AuditActions.UserCreated, user, user.CompanyId, after: new { user.Email, user.DisplayName, role, user.CompanyId });
            result = await users.AddToRoleAsync(user, role);
        }

        if (!result.Succeeded)
        {
            return result.Errors.Select(e => e.Description).ToList();
        }

        logger.LogInformation("User {UserId} created with role {Role}", user.Id, role);
        return [];
    }

    /// <summary>
    /// Makes a staff member an admin or a reviewer; returns the problems in words, or none. Respondents keep their
    /// role (they belong to a company), nobody changes their own role, and the last active admin stays one.
    /// </summary>
    public async Task<IReadOnlyList<string>> ChangeRoleAsync(string userId, string role)
    {
        var admin = await session.RequireAdminAsync();
        if (role is not (PortalRoles.Admin or PortalRoles.Reviewer))
        {
            return ["Staff are admins or reviewers."];
        }

        if (admin.UserId == userId)
        {
            return ["You cannot change your own role; another admin can."];
        }

        var user = await users.FindByIdAsync(userId) ?? throw new KeyNotFoundException("User not found.");
        var roles = await users.GetRolesAsync(user);
        if (roles.Contains(PortalRoles.Respondent) || user.CompanyId is not null)
        {
            return ["A company's respondent cannot become label staff; create a staff account for the person instead."];
        }

        if (roles.Contains(role))
        {
            return [];
        }

        if (roles.Contains(PortalRoles.Admin) && await OtherActiveAdminsAsync(userId) == 0)
        {
            return ["This is the last active admin: make someone else an admin first."];
        }

        var result = await users.RemoveFromRolesAsync(user, roles.Where(r => r is PortalRoles.Admin or PortalRoles.Reviewer));
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }

        if (!result.Succeeded)
        {
            return result.Errors.Select(e => e.Description).ToList();
        }

        // Their sign-in cookie carries the old role: a new stamp makes the next check sign them in afresh.
        await audit.RecordAsync(identityDb, AuditActions.UserRoleChanged, user, null, before: new { roles }, after: new { roles = new[] { role } });
        await users.UpdateSecurityStampAsync(user);
        logger.LogInformation("User {UserId} is now {Role} (changed by {AdminId})", userId, role, admin.UserId);
        return [];
    }

    /// <summary>Disabling locks the account indefinitely and ends its sessions at the next check.</summary>
    public async Task SetDisabledAsync(string userId, bool disabled)
    {
        var admin = await session.RequireAdminAsync();
        if (admin.UserId == userId)
        {
            throw new InvalidOperationException("You cannot disable your own account.");
        }

        var user = await users.FindByIdAsync(userId) ?? throw new KeyNotFoundException("User not found.");
        if (disabled && await users.IsInRoleAsync(user, PortalRoles.Admin) && await OtherActiveAdminsAsync(userId) == 0)
        {
            throw new InvalidOperationException("This is the last active admin: make someone else an admin first.");
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
        await audit.RecordAsync(identityDb, disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, user, user.CompanyId, after: new { user.Email, disabled });
        await users.UpdateSecurityStampAsync(user);
        logger.LogInformation("User {UserId} {Change}", userId, disabled ? "disabled" : "enabled");
    }

    private async Task<int> OtherActiveAdminsAsync(string userId)
    {
        var disabledFrom = clock.GetUtcNow().AddYears(50);
        var admins = await users.GetUsersInRoleAsync(PortalRoles.Admin);
        return admins.Count(a => a.Id != userId && !(a.LockoutEnd > disabledFrom));
    }
}
