using System.Globalization;
using DisclosurePortal.Data.Entities;

namespace DisclosurePortal.Web.Features.Responses;

/// <summary>The steps an upload goes through, as respondents and reviewers see them.</summary>
public enum UploadStage
{
    /// <summary>Stored; the respondent is to confirm which column holds which field.</summary>
    Columns,
    Received,
    Validating,
    Reconciling,
    Done,
    Refused,
    Failed,
}

/// <summary>What the pages need of an upload's latest job of one kind.</summary>
public sealed record UploadJob(long Id, JobKind Kind, int UploadId, JobState State, int Attempts, long Done, long? Total, double? RatePerSecond, DateTimeOffset AvailableAt, string? UserMessage);

/// <summary>
/// Where an upload stands: received → validating → reconciling → done, or refused (the file as a whole) or
/// failed (a job gave up, with its message; it can be retried). Progress is the running job's rows done of total.
/// </summary>
public sealed record UploadProgress(UploadStage Stage, long Done = 0, long? Total = null, double? RatePerSecond = null, string? Message = null,
    bool Rematching = false, int Attempt = 0, DateTimeOffset? RetryAt = null)
{
    public bool IsOver => Stage is UploadStage.Done or UploadStage.Refused or UploadStage.Failed;

    public bool CanRetry => Stage == UploadStage.Failed;

    /// <summary>0 to 1, when the total is known.</summary>
    public double? Fraction => Total is > 0 ? Math.Clamp(Done / (double)Total.Value, 0, 1) : null;

    public TimeSpan? TimeLeft => RatePerSecond is > 0 && Total is { } total && total > Done ? TimeSpan.FromSeconds((total - Done) / RatePerSecond.Value) : null;

    /// <summary>
    /// From the upload's status and its latest validation and reconciliation jobs. Uploads from before jobs
    /// existed have none; their status alone says where they are.
    /// </summary>
    public static UploadProgress Of(UploadStatus status, string? refusalReason, UploadJob? validation, UploadJob? reconciliation)
    {
        if (status == UploadStatus.Refused)
        {
            return new UploadProgress(UploadStage.Refused, Message: refusalReason);
        }

        if (status == UploadStatus.AwaitingMapping)
        {
            return new UploadProgress(UploadStage.Columns);
        }

        if (status == UploadStatus.Received)
        {
            return validation switch
            {
                { State: JobState.Failed } => Failed(validation),
                { State: JobState.Running } or { Attempts: > 0 } => Running(UploadStage.Validating, validation, rematching: false),
                _ => new UploadProgress(UploadStage.Received),
            };
        }

        return reconciliation switch
        {
            { State: JobState.Failed } => Failed(reconciliation),
            { State: JobState.Queued or JobState.Running } => Running(UploadStage.Reconciling, reconciliation, rematching: status == UploadStatus.Processed),
            _ when status == UploadStatus.Validated => new UploadProgress(UploadStage.Reconciling),
            _ => new UploadProgress(UploadStage.Done),
        };
    }

    private static UploadProgress Failed(UploadJob job) => new(UploadStage.Failed, job.Done, job.Total, Message: job.UserMessage, Attempt: job.Attempts);

    private static UploadProgress Running(UploadStage stage, UploadJob job, bool rematching) => new(
        stage, job.Done, job.Total, job.State == JobState.Running ? job.RatePerSecond : null, Rematching: rematching, Attempt: job.Attempts,
        RetryAt: job is { State: JobState.Queued, Attempts: > 0 } ? job.AvailableAt : null);

    /// <summary>One line under the bar: "1,200 of about 5,000 rows checked · 3,400 rows/s · about 2 s left".</summary>
    public string Describe()
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        // Until the file is read, its row count is estimated from its line breaks.
        var (of, doing) = Stage == UploadStage.Validating ? ("of about", "checked") : ("of", "matched against the catalog");
        var text = Total is { } total
            ? string.Format(culture, "{0:N0} {1} {2:N0} rows {3}", Done, of, total, doing)
            : string.Format(culture, "{0:N0} rows {1}", Done, doing);
        if (RatePerSecond is { } rate && rate > 0)
        {
            text += string.Format(culture, " · {0:N0} rows/s", rate);
        }

        if (TimeLeft is { } left)
        {
            text += $" · about {Duration(left)} left";
        }

        return text;
    }

    /// <summary>"12 s", "3 min", "2 h 5 min": rounded up, as a person reads a countdown.</summary>
    public static string Duration(TimeSpan span)
    {
        var seconds = (long)Math.Ceiling(Math.Max(span.TotalSeconds, 1));
        return seconds switch
        {
            < 60 => $"{seconds} s",
            < 3600 => $"{(seconds + 59) / 60} min",
            _ => $"{seconds / 3600} h {seconds % 3600 / 60} min",
        };
    }
}
