namespace DisclosurePortal.Web.Jobs;

/// <summary>
/// Does one kind of job (registered as a keyed service under its <see cref="Data.Entities.JobKind"/>). It is
/// called again after a failure or a restart with the checkpoint of its last committed batch, so it must go on
/// from there: each batch of results is written with <see cref="JobExecution.SaveProgressAsync"/> in the same
/// transaction as the results.
/// </summary>
public interface IJobHandler
{
    /// <summary>What the user reads when the job has failed for good (no stack trace, no internals).</summary>
    string FailureMessage { get; }

    Task RunAsync(JobExecution job, CancellationToken cancellationToken);
}

/// <summary>The job cannot succeed however often it is tried (its target is gone); it fails at once with this message.</summary>
public sealed class UnrecoverableJobException(string userMessage) : Exception(userMessage)
{
    public string UserMessage { get; } = userMessage;
}

/// <summary>The runner no longer holds the job: its lease expired and another runner took it, or it was cancelled.</summary>
public sealed class JobLeaseLostException(long jobId) : Exception($"Job {jobId} is no longer held by this runner.");
