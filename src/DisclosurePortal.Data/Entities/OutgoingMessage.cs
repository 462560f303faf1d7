using DisclosurePortal.Core.Messages;

namespace DisclosurePortal.Data.Entities;

public enum OutgoingMessageStatus
{
    Queued = 0,

    /// <summary>Taken by a sender until <see cref="OutgoingMessage.LeaseExpiresAt"/>; a sender that died gives it back by expiry.</summary>
    Sending = 1,
    Sent = 2,
    Failed = 3,
}

/// <summary>
/// One e-mail to one address, queued by a page and sent in the background with retries: the send log admins read.
/// The body is plain text. An invitation's body holds <see cref="LinkSlot"/> where its link goes: the link's token
/// is made when the message is sent and never stored, so neither this table nor the log can be used to sign up.
/// </summary>
public class OutgoingMessage
{
    public long Id { get; set; }

    public MessageKind Kind { get; set; }

    public OutgoingMessageStatus Status { get; set; }

    public string ToAddress { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    /// <summary>A random marker in <see cref="Body"/> that the invitation link replaces when the message is sent.</summary>
    public string? LinkSlot { get; set; }

    /// <summary>The invitation link up to its token ("https://portal.example/invitation/"), as the admin's portal address gave it.</summary>
    public string? LinkBase { get; set; }

    public int? CompanyId { get; set; }

    public int? RequestId { get; set; }

    public int? InvitationId { get; set; }

    public Invitation? Invitation { get; set; }

    public long? ReminderId { get; set; }

    public ResponseReminder? Reminder { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>Why the last attempt failed, in words for admins (never a stack trace).</summary>
    public string? LastError { get; set; }

    public string? CreatedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}
