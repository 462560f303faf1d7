using DisclosurePortal.Core.Messages;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Outbox;

public sealed record SendLogRow(
    long Id, MessageKind Kind, OutgoingMessageStatus Status, string To, string Subject, string? Company, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset NextAttemptAt, string? LastError);

public sealed record SendLogPage(IReadOnlyList<SendLogRow> Items, int Total);

/// <summary>Which sends the log shows: a status, a kind, and text in the address, subject or company.</summary>
public sealed record SendLogFilter(OutgoingMessageStatus? Status = null, MessageKind? Kind = null, string? Search = null);

/// <summary>
/// The admins' send log: every queued e-mail with its status, attempts and last error, a page at a time; failed
/// ones can be sent again. An invitation's link is never shown (it is made when sending and not stored).
/// </summary>
public sealed class SendLogService(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session, MailQueueSignal queue, TimeProvider clock, ILogger<SendLogService> logger)
{
    public async Task<SendLogPage> PageAsync(SendLogFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(m => m.Id).Skip(page * pageSize).Take(pageSize)
            .Select(m => new SendLogRow(m.Id, m.Kind, m.Status, m.ToAddress, m.Subject, db.Companies.Where(c => c.Id == m.CompanyId).Select(c => c.Name).FirstOrDefault(),
                m.Attempts, m.CreatedAt, m.SentAt, m.NextAttemptAt, m.LastError))
            .ToListAsync(cancellationToken);
        return new SendLogPage(items, total);
    }

    public async Task<IReadOnlyDictionary<OutgoingMessageStatus, int>> CountsAsync(CancellationToken cancellationToken = default)
    {
        await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.OutgoingMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    /// <summary>One message as it was (or will be) sent, the invitation link shown as a placeholder.</summary>
    public async Task<(SendLogRow Row, string Body)?> GetAsync(long id)
    {
        await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var message = await db.OutgoingMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id);
        if (message is null)
        {
            return null;
        }

        var company = await db.Companies.Where(c => c.Id == message.CompanyId).Select(c => c.Name).FirstOrDefaultAsync();
        return (new SendLogRow(message.Id, message.Kind, message.Status, message.ToAddress, message.Subject, company, message.Attempts,
            message.CreatedAt, message.SentAt, message.NextAttemptAt, message.LastError), QueuedMessages.Readable(message));
    }

    /// <summary>Queues failed messages again (all the filter shows, or one); returns how many. An invitation revoked, used or expired since is left failed.</summary>
    public async Task<int> ResendFailedAsync(SendLogFilter filter, long? onlyId = null)
    {
        var admin = await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var failed = Filtered(db, filter with { Status = OutgoingMessageStatus.Failed })
            .Where(m => onlyId == null || m.Id == onlyId)
            .Where(m => m.InvitationId == null || db.Invitations.Any(i => i.Id == m.InvitationId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now));
        var count = await failed.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutgoingMessageStatus.Queued)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.NextAttemptAt, now));
        if (count > 0)
        {
            queue.Wake();
        }

        logger.LogInformation("{Count} failed messages queued again by {UserId}", count, admin.UserId);
        return count;
    }

    private static IQueryable<OutgoingMessage> Filtered(PortalDbContext db, SendLogFilter filter)
    {
        var query = db.OutgoingMessages.AsNoTracking();
        if (filter.Status is { } status)
        {
            // "Queued" in the log includes the ones being sent this moment.
            query = status == OutgoingMessageStatus.Queued
                ? query.Where(m => m.Status == OutgoingMessageStatus.Queued || m.Status == OutgoingMessageStatus.Sending)
                : query.Where(m => m.Status == status);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(m => m.Kind == kind);
        }

        if (filter.Search?.Trim().ToLowerInvariant() is { Length: > 0 } text)
        {
            // Lower-cased on both sides: LIKE is case-sensitive on PostgreSQL. Addresses are stored in lower case.
            var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(m => EF.Functions.Like(m.ToAddress, pattern, "\\") || EF.Functions.Like(m.Subject.ToLower(), pattern, "\\")
                || db.Companies.Any(c => c.Id == m.CompanyId && EF.Functions.Like(c.Name.ToLower(), pattern, "\\")));
        }

        return query;
    }
}
