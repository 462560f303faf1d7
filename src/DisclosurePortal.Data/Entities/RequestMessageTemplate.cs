using DisclosurePortal.Core.Messages;

namespace DisclosurePortal.Data.Entities;

/// <summary>
/// A request's own wording for one of its e-mails: the invitation, the reminder so many days before the due time,
/// or the overdue notice. A kind without a row uses <see cref="MessageDefaults.For"/>.
/// </summary>
public class RequestMessageTemplate
{
    public int Id { get; set; }

    public int RequestId { get; set; }

    public MessageKind Kind { get; set; }

    /// <summary>For a reminder, how many days before the due time it goes; 0 for the other kinds.</summary>
    public int DaysBefore { get; set; }

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }
}
