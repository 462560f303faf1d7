namespace DisclosurePortal.Data.Entities;

/// <summary>What a background job does; each kind has one handler in the portal.</summary>
public enum JobKind
{
    /// <summary>Reads an upload's stored file and writes its rows, accepted or rejected (target: the upload).</summary>
    WorkListValidation = 1,

    /// <summary>Matches an upload's accepted rows against the catalog (target: the upload).</summary>
    Reconciliation = 2,
}

/// <summary>Where a job is in its life. Queued and running jobs are active: at most one per kind and target.</summary>
public enum JobState
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,

    /// <summary>Replaced by a newer job for the same work before it finished (e.g. a catalog change).</summary>
    Cancelled = 4,
}

/// <summary>
/// A unit of background work kept in the database, so it survives a restart of the portal. A runner claims a
/// queued job (or one whose lease expired) with a conditional update, holds it by renewing its lease, and writes
/// its checkpoint with each batch of results, in the same transaction, so a job taken over after a crash goes on
/// from the last committed batch.
/// </summary>
public class BackgroundJob : IOptionallyCompanyOwned
{
    public const int LeaseOwnerLength = 200;
    public const int LastErrorLength = 4000;
    public const int UserMessageLength = 1000;

    public long Id { get; set; }

    public JobKind Kind { get; set; }

    /// <summary>What the job works on, by kind (an upload id for both kinds so far).</summary>
    public long TargetId { get; set; }

    /// <summary>The company whose data the job works on; null for work of the label's own.</summary>
    public int? CompanyId { get; set; }

    public JobState State { get; set; }

    /// <summary>How many times a runner has taken the job (a crash or a failure uses one up; a clean stop gives it back).</summary>
    public int Attempts { get; set; }

    /// <summary>Not before: when a queued job may be claimed (later than <see cref="QueuedAt"/> while it waits to retry).</summary>
    public DateTimeOffset AvailableAt { get; set; }

    /// <summary>The runner's claim holding the job, unique per claim; null unless running.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>The kind's own position of the last committed batch (last line written, last entry matched); 0 at the start.</summary>
    public long Checkpoint { get; set; }

    /// <summary>Rows done so far.</summary>
    public long Done { get; set; }

    /// <summary>Rows in all, when known (an estimate until the job has finished).</summary>
    public long? Total { get; set; }

    /// <summary>Rows a second since the current runner took the job, for the time-left estimate.</summary>
    public double? RatePerSecond { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    /// <summary>When a runner first took the job.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The last failure as logged (exception type, message, stack): for staff, never shown to respondents.</summary>
    public string? LastError { get; set; }

    /// <summary>What the user reads when the job failed for good or was cancelled.</summary>
    public string? UserMessage { get; set; }

    public bool IsActive => State is JobState.Queued or JobState.Running;

    /// <summary>Cuts text to what a column of <paramref name="length"/> characters holds.</summary>
    public static string? Fit(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
