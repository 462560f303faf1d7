using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Web.Features.Audit;
using DisclosurePortal.Core.Companies;
using DisclosurePortal.Core.Messages;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Account;
using DisclosurePortal.Web.Features.Messages;
using DisclosurePortal.Web.Features.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Invitations;

public sealed record Colleague(string Name, string Email, bool IsLead, bool IsYou);

/// <summary>A respondent's view of who answers for the company, and the invitations its lead has sent.</summary>
public sealed record ColleagueOverview(string CompanyName, bool CanInvite, IReadOnlyList<Colleague> People, IReadOnlyList<InvitationRow> Invitations);

/// <summary>
/// A company's lead respondent brings colleagues in: an invitation to the same company, sent like the label's
/// (queued, single-use link). Everything is read in the respondent's company scope and checked again here: an id
/// of another company's invitation is answered as "not found" and logged.
/// </summary>
public sealed class ColleagueInvitations(
    IDbContextFactory<PortalDbContext> dbFactory,
    PortalSession session,
    UserManager<Data.Entities.PortalUser> users,
    MailQueueSignal queue,
    IOptions<InvitationOptions> options,
    AccountEmailLinks links,
    TimeProvider clock,
    AuditTrail audit,
    ILogger<ColleagueInvitations> logger)
{
    public async Task<ColleagueOverview> GetAsync()
    {
        var companyId = await session.RequireCompanyAsync();
        var me = await session.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var company = await db.Companies.Where(c => c.Id == companyId).Select(c => c.Name).SingleAsync();
        var people = await db.Users.AsNoTracking().Where(u => u.CompanyId == companyId).OrderByDescending(u => u.IsLeadRespondent).ThenBy(u => u.DisplayName)
            .Select(u => new Colleague(u.DisplayName, u.Email ?? string.Empty, u.IsLeadRespondent, u.Id == me.UserId)).ToListAsync();
        var invitations = await InvitationService.ListAsync(db, companyId, clock.GetUtcNow());
        return new ColleagueOverview(company, people.Any(p => p is { IsYou: true, IsLead: true }), people, invitations);
    }

    public async Task<InvitationResult> InviteAsync(string address, CancellationToken cancellationToken = default)
    {
        var (me, companyId) = await RequireLeadAsync();
        if (!ContactEmail.TryParse(address, out var to, out var reason))
        {
            return new InvitationResult(false, $"Not sent: {reason}.");
        }

        if (await users.FindByEmailAsync(to) is not null)
        {
            return new InvitationResult(false, $"Not sent: {to} already has an account on the portal and can sign in.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var sentToday = await db.Invitations.CountAsync(i => i.CompanyId == companyId && i.ByColleague && i.CreatedAt > now.AddDays(-1), cancellationToken);
        if (sentToday >= options.Value.ColleagueInvitationsPerDay)
        {
            return new InvitationResult(false, $"Not sent: your company has sent {sentToday} invitations in the last 24 hours, the most allowed. Try again tomorrow.");
        }

        var company = await db.Companies.Where(c => c.Id == companyId).Select(c => new { c.Name, c.LegalEntity }).SingleAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await InvitationIssuer.RevokeOpenAsync(db, [companyId], [to], now, InvitationIssuer.Replaced, cancellationToken);
        var invitation = InvitationIssuer.New(companyId, to, null, me.UserId, byColleague: true, now, options.Value.ValidDays);
        var facts = new MessageFacts(company.Name, company.LegalEntity, null, null, null, string.Empty, Inviter: me.DisplayName);
        db.OutgoingMessages.Add(QueuedMessages.Invitation(invitation, MessageKind.ColleagueInvitation, MessageDefaults.For(MessageKind.ColleagueInvitation), facts, links.InvitationBase, now));
        await audit.RecordAsync(db, AuditActions.InvitationIssued, invitation, companyId, after: new { invitation.Email, invitation.ExpiresAt, invitation.ByColleague });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        queue.Wake();
        logger.LogInformation("Colleague invitation {InvitationId} for company {CompanyId} queued by {UserId}", invitation.Id, companyId, me.UserId);
        return new InvitationResult(true, $"Invitation to {to} is on its way. The link works once, until {invitation.ExpiresAt:d MMM yyyy HH:mm} UTC.");
    }

    public async Task RevokeAsync(int invitationId)
    {
        var (me, companyId) = await RequireLeadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Invitations.AnyAsync(i => i.Id == invitationId && i.CompanyId == companyId))
        {
            logger.LogWarning("Revocation refused: user {UserId} of company {CompanyId} named invitation {InvitationId}, which is not its company's", me.UserId, companyId, invitationId);
            throw new KeyNotFoundException("Invitation not found.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await InvitationIssuer.RevokeAsync(db, [invitationId], clock.GetUtcNow(), InvitationIssuer.Revoked, CancellationToken.None) > 0)
        {
            await audit.RecordAsync(db, AuditActions.InvitationRevoked, new AuditSubject(nameof(Data.Entities.Invitation), invitationId.ToString(System.Globalization.CultureInfo.InvariantCulture)), companyId);
            await db.SaveChangesAsync();
        }

        await transaction.CommitAsync();
        logger.LogInformation("Invitation {InvitationId} revoked by colleague {UserId}", invitationId, me.UserId);
    }

    /// <summary>The signed-in lead (its name as stored, for the e-mail) and company; anyone else is refused.</summary>
    private async Task<(PortalPrincipal Me, int CompanyId)> RequireLeadAsync()
    {
        var companyId = await session.RequireCompanyAsync();
        var me = await session.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var name = await db.Users.Where(u => u.Id == me.UserId && u.CompanyId == companyId && u.IsLeadRespondent).Select(u => u.DisplayName).SingleOrDefaultAsync()
            ?? throw new UnauthorizedAccessException("Only the company's lead respondent invites colleagues.");
        return (me with { DisplayName = name }, companyId);
    }
}
