using DisclosurePortal.Core.Messages;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Messages;

namespace DisclosurePortal.Web.Features.Outbox;

/// <summary>Builds the queued messages: rows the background sender picks up, written in the caller's own transaction.</summary>
public static class QueuedMessages
{
    /// <summary>
    /// An invitation's e-mail. The body gets a random marker where the link goes; the sender makes the token and
    /// puts the link there when it sends, so the link is never stored.
    /// </summary>
    public static OutgoingMessage Invitation(Invitation invitation, MessageKind kind, MessageText template, MessageFacts facts, string linkBase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var slot = $"[[invitation-link-{Guid.NewGuid():N}]]";
        var (subject, body) = MessageWriter.Write(template, facts with { Link = slot, Expires = invitation.ExpiresAt });
        var message = New(kind, invitation.Email, subject, body, invitation.CompanyId, invitation.RequestId, invitation.InvitedByUserId, now);
        message.Invitation = invitation;
        message.LinkSlot = slot;
        message.LinkBase = linkBase;
        return message;
    }

    public static OutgoingMessage New(MessageKind kind, string to, string subject, string body, int? companyId, int? requestId, string? userId, DateTimeOffset now) => new()
    {
        Kind = kind,
        Status = OutgoingMessageStatus.Queued,
        ToAddress = to,
        Subject = subject,
        Body = body,
        CompanyId = companyId,
        RequestId = requestId,
        CreatedByUserId = userId,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    /// <summary>The body as the send log shows it: an invitation's link marker in words.</summary>
    public static string Readable(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.LinkSlot is { } slot ? message.Body.Replace(slot, OutgoingMailSender.LinkPlaceholder, StringComparison.Ordinal) : message.Body;
    }
}
