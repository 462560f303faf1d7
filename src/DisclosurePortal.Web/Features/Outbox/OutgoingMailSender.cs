using DisclosurePortal.Core.Messages;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Outbox;

/// <summary>
/// Works through the queued messages: takes the due ones with a lease (so two senders never send one message),
/// sends each through <see cref="IMailDelivery"/>, and records the outcome. A transient failure is retried with
/// doubling delays; a refusal, or the last attempt, marks the message failed for an admin to see and resend.
/// Runs in a staff scope (the send log is staff-only).
/// </summary>
public sealed class OutgoingMailSender(
    IDbContextFactory<PortalDbContext> dbFactory,
    IMailDelivery delivery,
    IOptions<EmailOptions> email,
    IOptions<MailQueueOptions> options,
    TimeProvider clock,
    ILogger<OutgoingMailSender> logger)
{
    /// <summary>What the send log shows where an invitation's link was (the link itself is never stored).</summary>
    public const string LinkPlaceholder = "[personal invitation link]";

    /// <summary>Sends what is due now, at most one batch; returns how many messages it took.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var due = await db.OutgoingMessages.AsNoTracking()
            .Where(m => (m.Status == OutgoingMessageStatus.Queued && m.NextAttemptAt <= now)
                || (m.Status == OutgoingMessageStatus.Sending && m.LeaseExpiresAt < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);

        var taken = 0;
        foreach (var id in due)
        {
            if (await TakeAsync(db, id, cancellationToken))
            {
                taken++;
                await SendAsync(db, id, cancellationToken);
            }
        }

        return taken;
    }

    /// <summary>A conditional update: only one sender gets a message, and one whose sender died is taken over after its lease.</summary>
    private async Task<bool> TakeAsync(PortalDbContext db, long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + options.Value.Lease;
        return await db.OutgoingMessages
            .Where(m => m.Id == id && ((m.Status == OutgoingMessageStatus.Queued && m.NextAttemptAt <= now)
                || (m.Status == OutgoingMessageStatus.Sending && m.LeaseExpiresAt < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutgoingMessageStatus.Sending).SetProperty(m => m.LeaseExpiresAt, until), cancellationToken) == 1;
    }

    private async Task SendAsync(PortalDbContext db, long id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var message = await db.OutgoingMessages.SingleAsync(m => m.Id == id, cancellationToken);
        var body = message.Body;
        if (message.InvitationId is { } invitationId)
        {
            var link = await InvitationLinkAsync(db, invitationId, message, cancellationToken);
            if (link is null)
            {
                await FinishAsync(db, message, OutgoingMessageStatus.Failed, "Not sent: the invitation was revoked, replaced or used before it went out.", cancellationToken);
                return;
            }

            body = body.Replace(message.LinkSlot!, link, StringComparison.Ordinal);
        }

        try
        {
            await delivery.DeliverAsync(PortalMail.FromText(email.Value.From, message.ToAddress, message.Subject, body), cancellationToken);
        }
        catch (MailDeliveryException ex)
        {
            message.Attempts++;
            var last = !ex.IsTransient || message.Attempts >= options.Value.MaxAttempts;
            if (!last)
            {
                message.NextAttemptAt = clock.GetUtcNow() + options.Value.RetryDelay * Math.Pow(2, message.Attempts - 1);
            }

            await FinishAsync(db, message, last ? OutgoingMessageStatus.Failed : OutgoingMessageStatus.Queued, Shorten(ex.Message), cancellationToken);
            logger.LogWarning("Message {MessageId} ({Kind}) to {Recipient}: attempt {Attempt} failed; {Outcome}",
                message.Id, message.Kind, message.ToAddress, message.Attempts, last ? "marked failed" : $"next attempt at {message.NextAttemptAt:u}");
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not the server's doing (a message that cannot be built): trying again would fail the same way.
            logger.LogError(ex, "Message {MessageId} ({Kind}) to {Recipient} could not be prepared", message.Id, message.Kind, message.ToAddress);
            message.Attempts++;
            await FinishAsync(db, message, OutgoingMessageStatus.Failed, "Not sent: the message could not be prepared (the portal's log has the details).", cancellationToken);
            return;
        }

        message.Attempts++;
        message.SentAt = clock.GetUtcNow();
        await FinishAsync(db, message, OutgoingMessageStatus.Sent, null, cancellationToken);
        if (message is { Kind: MessageKind.Invitation, RequestId: { } requestId, CompanyId: { } companyId })
        {
            // The company counts as invited once a message has really gone, not when it was queued.
            await db.Responses.Where(r => r.RequestId == requestId && r.CompanyId == companyId && r.InvitedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.InvitedAt, message.SentAt), cancellationToken);
        }
    }

    /// <summary>
    /// A new token for the invitation, its hash stored before the e-mail leaves (so the link works on arrival), and
    /// the link; null when the invitation can no longer be accepted.
    /// </summary>
    private async Task<string?> InvitationLinkAsync(PortalDbContext db, int invitationId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null || invitation.AcceptedAt is not null || invitation.RevokedAt is not null || invitation.ExpiresAt <= clock.GetUtcNow()
            || message.LinkSlot is null || message.LinkBase is null)
        {
            return null;
        }

        var token = InvitationToken.New();
        invitation.TokenHash = InvitationToken.Hash(token);
        await db.SaveChangesAsync(cancellationToken);
        return message.LinkBase + token;
    }

    private static async Task FinishAsync(PortalDbContext db, OutgoingMessage message, OutgoingMessageStatus status, string? error, CancellationToken cancellationToken)
    {
        message.Status = status;
        message.LeaseExpiresAt = null;
        message.LastError = error;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Shorten(string text) => text.Length <= 1000 ? text : text[..999] + "…";
}
