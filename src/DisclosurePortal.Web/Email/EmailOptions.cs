using System.ComponentModel.DataAnnotations;

namespace DisclosurePortal.Web;

/// <summary>
/// Configuration section "Email". By default messages are written as .eml files to a pickup folder
/// (readable in the admin Outbox); with <c>Delivery = Smtp</c> they go to the SMTP server in <see cref="Smtp"/>.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public MailDeliveryMode Delivery { get; set; } = MailDeliveryMode.Pickup;

    [Required]
    public string PickupDirectory { get; set; } = "App_Data/outbox";

    [Required]
    public string From { get; set; } = "Disclosure Portal <no-reply@disclosure-portal.local>";

    public SmtpOptions Smtp { get; set; } = new();
}

public enum MailDeliveryMode
{
    Pickup,
    Smtp,
}

/// <summary>How the connection to the SMTP server is secured; maps onto MailKit's SecureSocketOptions.</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
    Auto,
}

/// <summary>Configuration section "Email:Smtp", used when Email:Delivery is Smtp.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Sign in only when a user name is set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>For connecting and for each SMTP command.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts in all, the first included, before a transient failure is reported.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before the first retry; doubles for each further retry.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
