using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Invitations;

/// <summary>
/// Writes invitations for the staff, bulk and colleague flows alike (who may is the caller's check): a new one
/// replaces any open one to the same address at the company, and the replaced one's queued e-mail is called off.
/// </summary>
internal static class InvitationIssuer
{
    public const string Replaced = "Not sent: a newer invitation to the same address replaced it.";
    public const string Revoked = "Not sent: the invitation was revoked.";

    public static Invitation New(int companyId, string email, int? requestId, string? userId, bool byColleague, DateTimeOffset now, int validDays) => new()
    {
        CompanyId = companyId,
        Email = email,
        RequestId = requestId,
        InvitedByUserId = userId,
        ByColleague = byColleague,
        CreatedAt = now,
        ExpiresAt = now.AddDays(validDays),
    };

    /// <summary>Revokes the open invitations to <paramref name="emails"/> at <paramref name="companyIds"/>; returns how many.</summary>
    public static async Task<int> RevokeOpenAsync(
        PortalDbContext db, IReadOnlyCollection<int> companyIds, IReadOnlyCollection<string> emails, DateTimeOffset now, string reason, CancellationToken cancellationToken)
    {
        var open = await db.Invitations
            .Where(i => companyIds.Contains(i.CompanyId) && emails.Contains(i.Email) && i.AcceptedAt == null && i.RevokedAt == null)
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);
        return await RevokeAsync(db, open, now, reason, cancellationToken);
    }

    public static async Task<int> RevokeAsync(PortalDbContext db, IReadOnlyCollection<int> invitationIds, DateTimeOffset now, string reason, CancellationToken cancellationToken)
    {
        if (invitationIds.Count == 0)
        {
            return 0;
        }

        var revoked = await db.Invitations.Where(i => invitationIds.Contains(i.Id) && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), cancellationToken);
        await db.OutgoingMessages.Where(m => m.InvitationId != null && invitationIds.Contains(m.InvitationId.Value) && m.Status == OutgoingMessageStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutgoingMessageStatus.Failed).SetProperty(m => m.LastError, reason), cancellationToken);
        return revoked;
    }
}
