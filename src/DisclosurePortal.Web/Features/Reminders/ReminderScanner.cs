using DisclosurePortal.Core.Deadlines;
using DisclosurePortal.Core.Messages;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using DisclosurePortal.Web.Features.Messages;
using DisclosurePortal.Web.Features.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Reminders;

/// <summary>
/// One pass over the sent requests: for each invited company that has not submitted, the reminders whose moment
/// has passed (days before its own due time: the request deadline or its extension) and, after it, the overdue
/// notice. Each is recorded once per response (a unique row) in the same transaction as its queued messages, one
/// per contact and respondent; if several are reached at once only the latest goes. Run in a staff scope.
/// </summary>
public sealed class ReminderScanner(
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<AccountOptions> accounts,
    MailQueueSignal queue,
    TimeProvider clock,
    ILogger<ReminderScanner> logger)
{
    /// <summary>Returns how many messages it queued.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var requests = await db.Requests.AsNoTracking().Where(r => r.State == RequestState.Sent).ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var request in requests)
        {
            queued += await ScanRequestAsync(db, request, now, cancellationToken);
        }

        if (queued > 0)
        {
            queue.Wake();
        }

        return queued;
    }

    private sealed record Due(int ResponseId, int CompanyId, string Company, string? LegalEntity, DateTimeOffset DueAt);

    private async Task<int> ScanRequestAsync(PortalDbContext db, DisclosureRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!ReminderSchedule.TryParse(request.ReminderDays, out var days, out _))
        {
            logger.LogWarning("Request {RequestId} has reminder days '{Days}' that cannot be read; only its overdue notice goes out", request.Id, request.ReminderDays);
            days = [];
        }

        // Only the companies whose first step may have been reached: due within the longest reminder period, or past.
        var horizon = now.AddDays(days.Count == 0 ? 0 : days.Max());
        var candidates = await db.Responses.AsNoTracking()
            .Where(r => r.RequestId == request.Id && r.Status != ResponseStatus.Submitted && r.InvitedAt != null
                && (r.ExtendedDeadline ?? request.Deadline) <= horizon
                && !db.ResponseReminders.Any(x => x.ResponseId == r.Id && x.Kind == MessageKind.OverdueNotice))
            .Select(r => new Due(r.Id, r.CompanyId, r.Company!.Name, r.Company.LegalEntity, r.ExtendedDeadline ?? request.Deadline))
            .ToListAsync(cancellationToken);
        var origin = string.IsNullOrWhiteSpace(accounts.Value.PublicOrigin) ? request.LinkOrigin : accounts.Value.PublicOrigin;
        if (candidates.Count == 0)
        {
            return 0;
        }

        if (origin is null)
        {
            logger.LogWarning("Reminders for request {RequestId} wait: no portal address for their links (set Accounts:PublicOrigin)", request.Id);
            return 0;
        }

        var templates = await RequestTemplates.LoadAsync(db, request.Id, cancellationToken);
        var queued = 0;
        foreach (var batch in candidates.Chunk(500))
        {
            var ids = batch.Select(c => c.ResponseId).ToList();
            var recorded = (await db.ResponseReminders.AsNoTracking().Where(x => ids.Contains(x.ResponseId)).Select(x => new { x.ResponseId, x.Kind, x.DaysBefore }).ToListAsync(cancellationToken))
                .ToLookup(x => x.ResponseId, x => new ReminderStep(x.Kind == MessageKind.OverdueNotice, x.DaysBefore));
            foreach (var due in batch)
            {
                var pending = ReminderSchedule.Reached(due.DueAt, now, days).Except(recorded[due.ResponseId]).ToList();
                if (pending.Count > 0)
                {
                    queued += await RecordAsync(db, request, templates, due, pending, AccountEmailLinks.SignIn(origin), now, cancellationToken);
                }
            }
        }

        return queued;
    }

    /// <summary>Records every pending step and queues the latest one's messages, all in one SaveChanges (one transaction).</summary>
    private async Task<int> RecordAsync(
        PortalDbContext db, DisclosureRequest request, RequestTemplates templates, Due due, IReadOnlyList<ReminderStep> pending, string link, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sending = pending[^1];
        var recipients = await RecipientsAsync(db, due.CompanyId, now, cancellationToken);
        var kind = sending.IsOverdueNotice ? MessageKind.OverdueNotice : MessageKind.Reminder;
        var template = templates.For(kind, sending.DaysBefore);
        foreach (var step in pending)
        {
            var record = new ResponseReminder
            {
                ResponseId = due.ResponseId,
                CompanyId = due.CompanyId,
                Kind = step.IsOverdueNotice ? MessageKind.OverdueNotice : MessageKind.Reminder,
                DaysBefore = step.DaysBefore,
                DueAt = due.DueAt,
                RecordedAt = now,
                MessagesQueued = step == sending ? recipients.Count : 0,
            };
            db.ResponseReminders.Add(record);
            if (step != sending)
            {
                continue;
            }

            foreach (var (email, name) in recipients)
            {
                var facts = new MessageFacts(due.Company, due.LegalEntity, name, request.Title, due.DueAt, link, TimeLeft: sending.IsOverdueNotice ? null : due.DueAt - now);
                var (subject, body) = MessageWriter.Write(template, facts);
                var message = QueuedMessages.New(kind, email, subject, body, due.CompanyId, request.Id, null, now);
                message.Reminder = record;
                db.OutgoingMessages.Add(message);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{Kind} ({Days} days) for response {ResponseId}: {Messages} messages queued", kind, sending.DaysBefore, due.ResponseId, recipients.Count);
            return recipients.Count;
        }
        catch (DbUpdateException)
        {
            // Another scan (a second portal instance) recorded it first: the unique row is what keeps it to once.
            logger.LogInformation("Reminders for response {ResponseId} were recorded by another scan", due.ResponseId);
            return 0;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The company's contacts and its respondents whose accounts are not disabled, each address once.</summary>
    private static async Task<List<(string Email, string? Name)>> RecipientsAsync(PortalDbContext db, int companyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var disabledFrom = now.AddYears(50);
        var contacts = await db.CompanyContacts.AsNoTracking().Where(c => c.CompanyId == companyId).OrderBy(c => c.Id).Select(c => new { c.Email, c.Name }).ToListAsync(cancellationToken);
        var people = await db.Users.AsNoTracking().Where(u => u.CompanyId == companyId && u.Email != null && (u.LockoutEnd == null || u.LockoutEnd < disabledFrom))
            .OrderBy(u => u.CreatedAt).Select(u => new { Email = u.Email!, Name = (string?)u.DisplayName }).ToListAsync(cancellationToken);
        return contacts.Concat(people)
            .DistinctBy(p => p.Email.ToLowerInvariant())
            .Select(p => (p.Email.ToLowerInvariant(), string.IsNullOrWhiteSpace(p.Name) ? null : p.Name))
            .ToList();
    }
}
