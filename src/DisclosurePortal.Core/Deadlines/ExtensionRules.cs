namespace DisclosurePortal.Core.Deadlines;

/// <summary>
/// When a company may ask for more time and what an admin may grant. Dates are chosen as days; the due time keeps
/// the time of day of the company's current due time (UTC), so "17:00 UTC" stays 17:00 on the new day.
/// </summary>
public static class ExtensionRules
{
    public const int MaxTextLength = 2000;

    /// <summary>No extension reaches further than this beyond the current due time.</summary>
    public static readonly TimeSpan MaxExtension = TimeSpan.FromDays(365);

    public static DateTimeOffset DueOn(DateOnly day, DateTimeOffset currentDueAt) =>
        new(day.ToDateTime(TimeOnly.FromTimeSpan(currentDueAt.UtcDateTime.TimeOfDay)), TimeSpan.Zero);

    public static IReadOnlyList<string> CheckRequest(string? reason, DateTimeOffset? wishedDueAt, DateTimeOffset currentDueAt, DateTimeOffset now, bool hasPendingRequest)
    {
        var problems = new List<string>();
        if (hasPendingRequest)
        {
            problems.Add("You have already asked for an extension; the label will answer it before you can ask again.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            problems.Add("Say why you need more time.");
        }
        else if (reason.Trim().Length > MaxTextLength)
        {
            problems.Add($"Keep the reason under {MaxTextLength:N0} characters.");
        }

        CheckNewDue(wishedDueAt, currentDueAt, now, "Choose the date you would like to answer by.", problems);
        return problems;
    }

    public static IReadOnlyList<string> CheckGrant(DateTimeOffset? newDueAt, string? comment, DateTimeOffset currentDueAt, DateTimeOffset now)
    {
        var problems = new List<string>();
        CheckNewDue(newDueAt, currentDueAt, now, "Choose the new due date.", problems);
        if (comment is not null && comment.Trim().Length > MaxTextLength)
        {
            problems.Add($"Keep the comment under {MaxTextLength:N0} characters.");
        }

        return problems;
    }

    /// <summary>A refusal always says why, so the company knows where it stands.</summary>
    public static IReadOnlyList<string> CheckRefusal(string? comment) =>
        string.IsNullOrWhiteSpace(comment) ? ["Say why the extension is refused; the company will read it."]
        : comment.Trim().Length > MaxTextLength ? [$"Keep the comment under {MaxTextLength:N0} characters."]
        : [];

    private static void CheckNewDue(DateTimeOffset? dueAt, DateTimeOffset currentDueAt, DateTimeOffset now, string missing, List<string> problems)
    {
        if (dueAt is not { } due)
        {
            problems.Add(missing);
        }
        else if (due <= currentDueAt)
        {
            problems.Add($"The new date must be after the current due time ({currentDueAt.UtcDateTime:d MMM yyyy HH:mm} UTC).");
        }
        else if (due <= now)
        {
            problems.Add("The new date must be in the future.");
        }
        else if (due - currentDueAt > MaxExtension)
        {
            problems.Add($"An extension can add at most {MaxExtension.TotalDays:N0} days.");
        }
    }
}
