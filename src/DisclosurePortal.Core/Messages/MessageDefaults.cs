namespace DisclosurePortal.Core.Messages;

/// <summary>A placeholder a kind of message can use, and what it becomes.</summary>
public sealed record Placeholder(string Name, string Meaning)
{
    public string Token => "{" + Name + "}";
}

/// <summary>A subject and a plain-text body; paragraphs are separated by blank lines.</summary>
public sealed record MessageText(string Subject, string Body);

/// <summary>The placeholders each kind of message knows, and the text a request starts with.</summary>
public static class MessageDefaults
{
    public const string Company = "company";
    public const string LegalEntity = "legal-entity";
    public const string Contact = "contact";
    public const string Request = "request";
    public const string Deadline = "deadline";
    public const string Link = "link";
    public const string Expires = "expires";
    public const string TimeLeft = "time-left";
    public const string Inviter = "inviter";

    public const int MaxSubjectLength = 300;
    public const int MaxBodyLength = 20_000;

    private static readonly Placeholder[] Common =
    [
        new(Company, "the company's name"),
        new(LegalEntity, "its legal entity (else its name)"),
        new(Contact, "the contact's name (else \"Sir or Madam\")"),
        new(Request, "the request's title"),
        new(Deadline, "the company's due time, e.g. 16 December 2026, 17:00 UTC"),
    ];

    public static IReadOnlyList<Placeholder> Placeholders(MessageKind kind) => kind switch
    {
        MessageKind.Invitation => [.. Common, new(Link, "the personal invitation link (made when the e-mail is sent)"), new(Expires, "when the link stops working")],
        MessageKind.Reminder => [.. Common, new(Link, "the portal's sign-in page"), new(TimeLeft, "the time left, e.g. 3 days")],
        MessageKind.OverdueNotice => [.. Common, new(Link, "the portal's sign-in page")],
        _ => [new(Company, "the company's name"), new(Inviter, "the colleague who sent the invitation"), new(Link, "the personal invitation link"), new(Expires, "when the link stops working")],
    };

    public static MessageText For(MessageKind kind) => kind switch
    {
        MessageKind.Invitation => new(
            "{request}: your access to the Disclosure Portal for {company}",
            """
            Dear {contact},

            You are invited to answer the disclosure request "{request}" on behalf of {company} on the label's Disclosure Portal. The answer is due by {deadline}.

            Open this link to set your password and sign in:

            {link}

            The link works once, for this address only, until {expires}. If you did not expect this message, you can ignore it.
            """),
        MessageKind.Reminder => new(
            "Reminder: {request} is due in {time-left}",
            """
            Dear {contact},

            This is a reminder that the answer of {company} to the disclosure request "{request}" is due by {deadline}, in {time-left}.

            Sign in to the Disclosure Portal to answer:

            {link}

            Once the answer is submitted, no further reminders are sent.
            """),
        MessageKind.OverdueNotice => new(
            "Overdue: {request}",
            """
            Dear {contact},

            The answer of {company} to the disclosure request "{request}" was due by {deadline} and has not been submitted.

            Please sign in and submit it as soon as you can, or ask for an extension with your reasons:

            {link}
            """),
        _ => new(
            "{inviter} invited you to the Disclosure Portal for {company}",
            """
            {inviter} invited you to answer the label's disclosure request on behalf of {company}, together with your colleagues.

            Open this link to set your password and sign in:

            {link}

            The link works once, for this address only, until {expires}. If you did not expect this message, you can ignore it.
            """),
    };

    /// <summary>"16 December 2026, 17:00 UTC": how due times read in e-mails.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"7 days", "1 day", "20 hours", "45 minutes": the time left as a reminder says it.</summary>
    public static string FormatTimeLeft(TimeSpan left)
    {
        if (left.TotalDays >= 1)
        {
            var days = (int)Math.Round(left.TotalDays, MidpointRounding.AwayFromZero);
            return days == 1 ? "1 day" : $"{days} days";
        }

        if (left.TotalHours >= 1)
        {
            var hours = (int)Math.Round(left.TotalHours, MidpointRounding.AwayFromZero);
            return hours == 1 ? "1 hour" : $"{hours} hours";
        }

        var minutes = Math.Max(1, (int)Math.Round(left.TotalMinutes, MidpointRounding.AwayFromZero));
        return minutes == 1 ? "1 minute" : $"{minutes} minutes";
    }
}
