using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Web.Features.Audit;
using DisclosurePortal.Core.Messages;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using DisclosurePortal.Web.Features.Companies;
using DisclosurePortal.Web.Features.Messages;
using DisclosurePortal.Web.Features.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Invitations;

/// <summary>Which of a request's companies to invite: every one, those the list's filter shows, or those ticked.</summary>
public sealed record InvitationTarget(CompanyFilter Filter, IReadOnlyCollection<int>? CompanyIds = null)
{
    public static InvitationTarget All { get; } = new(CompanyFilter.None);

    public static InvitationTarget Selected(IReadOnlyCollection<int> companyIds) => new(CompanyFilter.None, companyIds);
}

/// <summary>What sending would do, shown before anything is sent; <see cref="Messages"/> e-mails, one per contact.</summary>
public sealed record InvitationPlan(int Companies, int Messages, int WithoutContacts, int AlreadyInvited, int ContactsWithAccounts);

/// <summary>
/// Invitations to many companies at once, for a request: each contact of each company gets its own invitation
/// and e-mail, queued in batches in one transaction and sent in the background, never inside the admin's circuit.
/// </summary>
public sealed class BulkInvitationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    PortalSession session,
    MailQueueSignal queue,
    IOptions<InvitationOptions> options,
    AccountEmailLinks links,
    TimeProvider clock,
    AuditTrail audit,
    ILogger<BulkInvitationService> logger)
{
    private const int BatchSize = 250;

    public async Task<InvitationPlan> PlanAsync(int requestId, InvitationTarget target, CancellationToken cancellationToken = default)
    {
        await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (companies, recipients, invited, withAccounts) = await RecipientsAsync(db, requestId, target, cancellationToken);
        return new InvitationPlan(companies.Count, recipients.Count, companies.Count(c => recipients.All(r => r.CompanyId != c)), invited, withAccounts);
    }

    /// <summary>Queues the invitations; returns what was queued (the same as <see cref="PlanAsync"/> said, unless the list changed since).</summary>
    public async Task<InvitationPlan> SendAsync(int requestId, InvitationTarget target, CancellationToken cancellationToken = default)
    {
        var admin = await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken) ?? throw new KeyNotFoundException("Request not found.");
        var (companies, recipients, invited, withAccounts) = await RecipientsAsync(db, requestId, target, cancellationToken);
        var templates = await RequestTemplates.LoadAsync(db, requestId, cancellationToken);
        var template = templates.For(MessageKind.Invitation);
        var now = clock.GetUtcNow();
        var linkBase = links.InvitationBase;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var batch in recipients.Chunk(BatchSize))
        {
            await InvitationIssuer.RevokeOpenAsync(db, batch.Select(r => r.CompanyId).Distinct().ToList(), batch.Select(r => r.Email).ToList(), now, InvitationIssuer.Replaced, cancellationToken);
            foreach (var recipient in batch)
            {
                var invitation = InvitationIssuer.New(recipient.CompanyId, recipient.Email, requestId, admin.UserId, byColleague: false, now, options.Value.ValidDays);
                var facts = new MessageFacts(recipient.CompanyName, recipient.LegalEntity, recipient.ContactName, request.Title, recipient.ExtendedDeadline ?? request.Deadline, string.Empty);
                db.OutgoingMessages.Add(QueuedMessages.Invitation(invitation, MessageKind.Invitation, template, facts, linkBase, now));
                await audit.RecordAsync(db, AuditActions.InvitationIssued, invitation, recipient.CompanyId, after: new { invitation.Email, invitation.RequestId, invitation.ExpiresAt });
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await db.Requests.Where(r => r.Id == requestId).ExecuteUpdateAsync(s => s.SetProperty(r => r.LinkOrigin, links.Origin), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        queue.Wake();
        logger.LogInformation("{Messages} invitations to {Companies} companies of request {RequestId} queued by {UserId}", recipients.Count, companies.Count, requestId, admin.UserId);
        return new InvitationPlan(companies.Count, recipients.Count, companies.Count(c => recipients.All(r => r.CompanyId != c)), invited, withAccounts);
    }

    private sealed record Recipient(int CompanyId, string CompanyName, string? LegalEntity, DateTimeOffset? ExtendedDeadline, string Email, string? ContactName);

    /// <summary>
    /// The target's companies and their contacts. A contact who already has an account needs no invitation (the
    /// link could not be accepted) and is left out.
    /// </summary>
    private async Task<(IReadOnlyList<int> Companies, IReadOnlyList<Recipient> Recipients, int AlreadyInvited, int WithAccounts)> RecipientsAsync(
        PortalDbContext db, int requestId, InvitationTarget target, CancellationToken cancellationToken)
    {
        var responses = RequestCompanyList.Filtered(db, requestId, target.Filter, clock.GetUtcNow()).Select(r => r.Response);
        if (target.CompanyIds is { } ids)
        {
            responses = responses.Where(r => ids.Contains(r.CompanyId));
        }

        var rows = await responses
            .Select(r => new { r.CompanyId, r.Company!.Name, r.Company.LegalEntity, r.ExtendedDeadline, Invited = r.InvitedAt != null })
            .ToListAsync(cancellationToken);
        var companyIds = rows.Select(r => r.CompanyId).ToList();
        var contacts = new List<CompanyContact>();
        foreach (var batch in companyIds.Chunk(500))
        {
            contacts.AddRange(await db.CompanyContacts.AsNoTracking().Where(c => batch.Contains(c.CompanyId)).OrderBy(c => c.Id).ToListAsync(cancellationToken));
        }

        var withAccounts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in contacts.Select(c => c.Email.ToUpperInvariant()).Chunk(500))
        {
            withAccounts.UnionWith(await db.Users.Where(u => batch.Contains(u.NormalizedEmail!)).Select(u => u.NormalizedEmail!).ToListAsync(cancellationToken));
        }

        var byId = rows.ToDictionary(r => r.CompanyId);
        var recipients = contacts
            .Where(c => !withAccounts.Contains(c.Email.ToUpperInvariant()))
            .Select(c => new Recipient(c.CompanyId, byId[c.CompanyId].Name, byId[c.CompanyId].LegalEntity, byId[c.CompanyId].ExtendedDeadline, c.Email, c.Name))
            .ToList();
        return (companyIds, recipients, rows.Count(r => r.Invited), contacts.Count - recipients.Count);
    }
}
