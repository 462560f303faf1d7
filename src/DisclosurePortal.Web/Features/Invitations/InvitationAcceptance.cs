using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Web.Features.Audit;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Invitations;

/// <summary>An invitation that can still be accepted, as the acceptance page shows it.</summary>
public sealed record OpenInvitation(int Id, string Email, string CompanyName);

public sealed record AcceptanceResult(PortalUser? User, bool LinkUnusable, IReadOnlyList<string> Errors)
{
    public static AcceptanceResult Unusable { get; } = new(null, true, []);
}

/// <summary>
/// Turns an open invitation into a respondent account in the invitation's company. Unknown, used, expired and
/// revoked links all answer the same, so a link reveals nothing about other invitations or accounts.
/// Nobody is signed in yet, so no company scope can be open: the invitation is found by its token's hash with the
/// company filter set aside (allow-listed in the tenancy guard test), and only that one row is read or changed.
/// </summary>
public sealed class InvitationAcceptance(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, AuditTrail audit, ILogger<InvitationAcceptance> logger)
{
    public async Task<OpenInvitation?> FindOpenAsync(string? token)
    {
        var invitation = await FindAsync(token);
        return invitation is null ? null : new OpenInvitation(invitation.Id, invitation.Email, invitation.Company!.Name);
    }

    public async Task<AcceptanceResult> AcceptAsync(string? token, string displayName, string password)
    {
        var invitation = await FindAsync(token);
        if (invitation is null || await users.FindByEmailAsync(invitation.Email) is not null)
        {
            return AcceptanceResult.Unusable;
        }

        var user = new PortalUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true, // the link reached this address
            DisplayName = displayName.Trim(),
            CompanyId = invitation.CompanyId,

            // The first person label staff bring in leads the company's answer and may invite colleagues.
            IsLeadRespondent = !invitation.ByColleague && !await db.Users.AnyAsync(u => u.CompanyId == invitation.CompanyId && u.IsLeadRespondent),
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AcceptanceResult(null, false, created.Errors.Select(e => e.Description).ToList());
        }

        // Claimed with a conditional update, so two tabs posting the same link cannot both succeed.
        var now = clock.GetUtcNow();
        var claimed = await db.Invitations.IgnoreQueryFilters()
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedUserId, user.Id));
        if (claimed == 0)
        {
            await users.DeleteAsync(user);
            return AcceptanceResult.Unusable;
        }

        // Saved by AddToRoleAsync, which commits the role and the entry together.
        audit.RecordAs(db, AuditTrail.ActorOf(user), AuditActions.InvitationAccepted, invitation, invitation.CompanyId, after: new { UserId = user.Id, user.Email, user.DisplayName, user.IsLeadRespondent });
        await users.AddToRoleAsync(user, PortalRoles.Respondent);
        logger.LogInformation("Invitation {InvitationId} accepted: user {UserId} joined company {CompanyId}", invitation.Id, user.Id, invitation.CompanyId);
        return new AcceptanceResult(user, false, []);
    }

    private async Task<Invitation?> FindAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = InvitationToken.Hash(token.Trim());
        var invitation = await db.Invitations.IgnoreQueryFilters().AsNoTracking().Include(i => i.Company).SingleOrDefaultAsync(i => i.TokenHash == hash);
        return invitation is not null && invitation.IsOpen(clock.GetUtcNow()) ? invitation : null;
    }
}
