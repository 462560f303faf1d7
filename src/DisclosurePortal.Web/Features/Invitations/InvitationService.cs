using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Web.Features.Audit;
using DisclosurePortal.Core.Companies;
using DisclosurePortal.Core.Messages;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using DisclosurePortal.Web.Features.Messages;
using DisclosurePortal.Web.Features.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Invitations;

public enum InvitationState
{
    /// <summary>Its e-mail waits in the queue; the link does not exist yet.</summary>
    Queued,

    /// <summary>Its e-mail failed (see the send log); nobody has a working link.</summary>
    NotDelivered,
    Open,
    Accepted,
    Expired,
    Revoked,
}

public sealed record InvitationRow(int Id, string Email, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, InvitationState State, string InvitedBy, bool ByColleague);

/// <summary>What became of an invitation the admin asked for.</summary>
public sealed record InvitationResult(bool Sent, string Message);

/// <summary>
/// Staff side of invitations: queue one to an address at a company (any earlier open link to that address dies),
/// list a company's invitations with their delivery, revoke one. Queuing and revoking are for admins.
/// </summary>
public sealed class InvitationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    PortalSession session,
    MailQueueSignal queue,
    IOptions<InvitationOptions> options,
    AccountEmailLinks links,
    TimeProvider clock,
    AuditTrail audit,
    ILogger<InvitationService> logger)
{
    /// <param name="requestId">The request whose invitation text to use; by default the newest one the company received.</param>
    public async Task<InvitationResult> InviteAsync(int companyId, string address, int? requestId = null, CancellationToken cancellationToken = default)
    {
        var admin = await session.RequireAdminAsync();
        if (!ContactEmail.TryParse(address, out var to, out var reason))
        {
            return new InvitationResult(false, $"Not sent: {reason}.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var company = await db.Companies.AsNoTracking().Include(c => c.Contacts).SingleOrDefaultAsync(c => c.Id == companyId, cancellationToken)
            ?? throw new KeyNotFoundException("Company not found.");
        var response = await db.Responses.AsNoTracking().Include(r => r.Request)
            .Where(r => r.CompanyId == companyId && (requestId == null || r.RequestId == requestId))
            .OrderByDescending(r => r.Request!.State == RequestState.Sent).ThenByDescending(r => r.RequestId)
            .FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await InvitationIssuer.RevokeOpenAsync(db, [companyId], [to], now, InvitationIssuer.Replaced, cancellationToken);

        var invitation = InvitationIssuer.New(companyId, to, response?.RequestId, admin.UserId, byColleague: false, now, options.Value.ValidDays);
        var templates = response is null ? RequestTemplates.Defaults : await RequestTemplates.LoadAsync(db, response.RequestId, cancellationToken);
        var facts = new MessageFacts(company.Name, company.LegalEntity, company.Contacts.FirstOrDefault(c => c.Email == to)?.Name,
            response?.Request!.Title, response?.DueAt(response.Request!), string.Empty);
        db.OutgoingMessages.Add(QueuedMessages.Invitation(invitation, MessageKind.Invitation, templates.For(MessageKind.Invitation), facts, links.InvitationBase, now));
        if (response is not null)
        {
            await db.Requests.Where(r => r.Id == response.RequestId).ExecuteUpdateAsync(s => s.SetProperty(r => r.LinkOrigin, links.Origin), cancellationToken);
        }

        await audit.RecordAsync(db, AuditActions.InvitationIssued, invitation, companyId, after: new { invitation.Email, invitation.RequestId, invitation.ExpiresAt });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        queue.Wake();
        logger.LogInformation("Invitation {InvitationId} for company {CompanyId} queued by {UserId}", invitation.Id, companyId, admin.UserId);
        return new InvitationResult(true, $"Invitation to {to} queued: it goes out within moments (see the send log). The link will work until {invitation.ExpiresAt:d MMM yyyy HH:mm} UTC.");
    }

    public async Task<IReadOnlyList<InvitationRow>> ListAsync(int companyId)
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await ListAsync(db, companyId, clock.GetUtcNow());
    }

    public async Task RevokeAsync(int invitationId)
    {
        var admin = await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == invitationId) ?? throw new KeyNotFoundException("Invitation not found.");
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await InvitationIssuer.RevokeAsync(db, [invitationId], clock.GetUtcNow(), InvitationIssuer.Revoked, CancellationToken.None) > 0)
        {
            await audit.RecordAsync(db, AuditActions.InvitationRevoked, invitation, invitation.CompanyId, before: new { invitation.Email, invitation.ExpiresAt });
            await db.SaveChangesAsync();
        }

        await transaction.CommitAsync();
        logger.LogInformation("Invitation {InvitationId} revoked by {UserId}", invitationId, admin.UserId);
    }

    /// <summary>A company's invitations, newest first, with what became of each; the scope of <paramref name="db"/> decides who may see them.</summary>
    internal static async Task<IReadOnlyList<InvitationRow>> ListAsync(PortalDbContext db, int companyId, DateTimeOffset now)
    {
        var rows = await db.Invitations.AsNoTracking()
            .Where(i => i.CompanyId == companyId)
            .OrderByDescending(i => i.Id)
            .Select(i => new
            {
                Invitation = i,
                LastSend = db.OutgoingMessages.Where(m => m.InvitationId == i.Id).OrderByDescending(m => m.Id).Select(m => (OutgoingMessageStatus?)m.Status).FirstOrDefault(),
                InvitedBy = db.Users.Where(u => u.Id == i.InvitedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync();
        return rows.Select(r => new InvitationRow(r.Invitation.Id, r.Invitation.Email, r.Invitation.CreatedAt, r.Invitation.ExpiresAt,
            StateOf(r.Invitation, r.LastSend, now), r.InvitedBy ?? "—", r.Invitation.ByColleague)).ToList();
    }

    private static InvitationState StateOf(Invitation i, OutgoingMessageStatus? lastSend, DateTimeOffset now) =>
        i.AcceptedAt is not null ? InvitationState.Accepted
        : i.RevokedAt is not null ? InvitationState.Revoked
        : now >= i.ExpiresAt ? InvitationState.Expired
        : lastSend == OutgoingMessageStatus.Failed ? InvitationState.NotDelivered
        : i.TokenHash is null || lastSend is OutgoingMessageStatus.Queued or OutgoingMessageStatus.Sending ? InvitationState.Queued
        : InvitationState.Open;
}
