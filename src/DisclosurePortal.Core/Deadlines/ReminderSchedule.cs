using System.Globalization;

namespace DisclosurePortal.Core.Deadlines;

/// <summary>One message of a company's schedule: a reminder so many days before its due time, or the overdue notice (0 days).</summary>
public readonly record struct ReminderStep(bool IsOverdueNotice, int DaysBefore)
{
    public static ReminderStep Before(int days) => new(false, days);

    public static ReminderStep Overdue { get; } = new(true, 0);
}

/// <summary>
/// When a company is reminded: a few days before its due time (7, 3 and 1 by default, set per request) and once
/// after it. A step is reached once its moment has passed; when several are reached at once (the portal was
/// stopped, or a request was sent close to its deadline) only the latest is sent, the others are passed over.
/// </summary>
public static class ReminderSchedule
{
    public const int MaxDays = 90;
    public const int MaxSteps = 6;

    public static IReadOnlyList<int> DefaultDays { get; } = [7, 3, 1];

    /// <summary>"7, 3, 1" (any order, any of , ; or spaces between) → 7, 3, 1; empty means no reminders before the deadline.</summary>
    public static bool TryParse(string? text, out IReadOnlyList<int> days, out string problem)
    {
        days = [];
        var parts = (text ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
        var parsed = new SortedSet<int>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day is < 1 or > MaxDays)
            {
                problem = $"'{part}' is not a number of days from 1 to {MaxDays}.";
                return false;
            }

            parsed.Add(day);
        }

        if (parsed.Count > MaxSteps)
        {
            problem = $"At most {MaxSteps} reminders before the deadline.";
            return false;
        }

        days = parsed.ToList();
        problem = string.Empty;
        return true;
    }

    /// <summary>The stored form: largest first, comma-separated ("7,3,1").</summary>
    public static string Format(IEnumerable<int> days) =>
        string.Join(',', days.Distinct().OrderDescending().Select(d => d.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Every step whose moment has passed at <paramref name="now"/>, earliest first (the overdue notice last).</summary>
    public static IReadOnlyList<ReminderStep> Reached(DateTimeOffset dueAt, DateTimeOffset now, IReadOnlyList<int> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var steps = days.OrderDescending().Where(d => dueAt.AddDays(-d) <= now && now < dueAt).Select(ReminderStep.Before).ToList();
        if (now >= dueAt)
        {
            // Past the due time, every reminder's moment has passed too.
            steps = [.. days.OrderDescending().Select(ReminderStep.Before), ReminderStep.Overdue];
        }

        return steps;
    }
}
