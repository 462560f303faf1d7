namespace DisclosurePortal.Core.Deadlines;

public enum DeadlineUrgency
{
    OnTrack,
    DueSoon,
    Urgent,
    Overdue,
}

/// <summary>Time left until a company's due time, as respondents and reviewers see it.</summary>
public readonly record struct Countdown(TimeSpan Remaining, DeadlineUrgency Urgency)
{
    /// <summary>Under this much time left the countdown turns amber.</summary>
    public static readonly TimeSpan DueSoonThreshold = TimeSpan.FromDays(7);

    /// <summary>Under this much time left the countdown turns red.</summary>
    public static readonly TimeSpan UrgentThreshold = TimeSpan.FromHours(48);

    public bool IsOverdue => Urgency == DeadlineUrgency.Overdue;

    public static Countdown Until(DateTimeOffset dueAt, DateTimeOffset now)
    {
        var remaining = dueAt - now;
        var urgency = remaining <= TimeSpan.Zero ? DeadlineUrgency.Overdue
            : remaining < UrgentThreshold ? DeadlineUrgency.Urgent
            : remaining < DueSoonThreshold ? DeadlineUrgency.DueSoon
            : DeadlineUrgency.OnTrack;
        return new Countdown(remaining, urgency);
    }

    /// <summary>"20 d 04 h 12 m", "5 h 03 m 09 s" in the last day, "overdue by 2 d 01 h".</summary>
    public string Describe()
    {
        var span = Remaining.Duration();
        var text = span.TotalDays >= 1
            ? $"{(int)span.TotalDays} d {span.Hours:00} h {span.Minutes:00} m"
            : $"{span.Hours} h {span.Minutes:00} m {span.Seconds:00} s";
        return IsOverdue ? $"overdue by {text}" : text;
    }
}
