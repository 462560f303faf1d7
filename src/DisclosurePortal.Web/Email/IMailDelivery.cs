using MimeKit;

namespace DisclosurePortal.Web;

/// <summary>Hands a finished message to whatever carries mail out: the pickup folder or an SMTP server (Email:Delivery).</summary>
public interface IMailDelivery
{
    /// <exception cref="MailDeliveryException">The message could not be delivered; the reason is logged.</exception>
    Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken = default);
}

/// <summary>A message that did not go out. The message text names recipient and subject, never the body.</summary>
public sealed class MailDeliveryException : Exception
{
    public MailDeliveryException()
    {
    }

    public MailDeliveryException(string message)
        : base(message)
    {
    }

    public MailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MailDeliveryException(string message, Exception innerException, bool isTransient)
        : base(message, innerException) => IsTransient = isTransient;

    /// <summary>Whether trying again later may work (no connection, "try later"); false when the server refused the message.</summary>
    public bool IsTransient { get; } = true;
}

internal static class MailLogText
{
    /// <summary>Recipients for log lines: addresses only.</summary>
    public static string Recipients(MimeMessage message) =>
        string.Join(", ", message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes).Select(m => m.Address));
}
