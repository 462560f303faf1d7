using DisclosurePortal.Core.Messages;

namespace DisclosurePortal.Data.Entities;

/// <summary>
/// The record that a response's reminder (or overdue notice) has been dealt with: unique per response, kind and
/// days, and written in the same transaction as its queued messages, so a reminder never goes twice, whatever
/// restarts or parallel scans happen.
/// </summary>
public class ResponseReminder : ICompanyOwned
{
    public long Id { get; set; }

    public int ResponseId { get; set; }

    public int CompanyId { get; set; }

    /// <summary><see cref="MessageKind.Reminder"/> or <see cref="MessageKind.OverdueNotice"/>.</summary>
    public MessageKind Kind { get; set; }

    /// <summary>For a reminder, how many days before the due time; 0 for the overdue notice.</summary>
    public int DaysBefore { get; set; }

    /// <summary>The company's due time the reminder was about.</summary>
    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>How many messages were queued; 0 when a later step was reached at the same time and went instead.</summary>
    public int MessagesQueued { get; set; }
}
