namespace DisclosurePortal.Data.Entities;

public enum RequestState
{
    Draft = 0,
    Sent = 1,
    Closed = 2,
}

/// <summary>The label's letter asking companies to disclose how they used its content.</summary>
public class DisclosureRequest
{
    public int Id { get; set; }

    public string Title { get; set; } = string.Empty;

    public string LetterText { get; set; } = string.Empty;

    /// <summary>The date from which the label reserved its rights (the opt-out).</summary>
    public DateOnly ReservationDate { get; set; }

    /// <summary>When answers are due, for every company without an extension (UTC).</summary>
    public DateTimeOffset Deadline { get; set; }

    public RequestState State { get; set; }

    /// <summary>When set, nothing can be submitted after a company's due time; otherwise late answers are taken and marked late.</summary>
    public bool RefuseLateSubmissions { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Days before each company's due time that a reminder goes out, largest first ("7,3,1"; empty for none).</summary>
    public string ReminderDays { get; set; } = "7,3,1";

    /// <summary>
    /// The portal address the admin used when invitations for this request were last queued; reminders sent in the
    /// background link to it when Accounts:PublicOrigin is not set.
    /// </summary>
    public string? LinkOrigin { get; set; }

    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<DisclosureResponse> Responses { get; set; } = [];

    public List<RequestMessageTemplate> MessageTemplates { get; set; } = [];
}
