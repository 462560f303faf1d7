using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Jobs;

/// <summary>
/// Claims one job at a time from the job table and runs it with its handler, on SQLite, PostgreSQL and SQL
/// Server alike. A claim is a conditional UPDATE (the job is still queued and due, or its lease has expired),
/// so of two runners racing for a job exactly one changes the row. While the handler works the lease is renewed;
/// a failure puts the job back in the queue after a growing wait, or fails it for good with the handler's
/// message once its attempts are used up. A clean stop of the portal gives the job back at once; a crash leaves
/// it to be taken over when its lease expires, from the last checkpoint.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, IOptions<JobOptions> options, TimeProvider clock, ILogger<JobRunner> logger)
{
    private const int CandidatesPerClaim = 8;
    private const string GenericFailure = "This work stopped on an error and could not be finished. Try again; if it keeps failing, contact the label.";

    /// <summary>This runner (machine, process, instance), the start of every lease owner it writes.</summary>
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    private JobOptions Options => options.Value;

    /// <summary>Claims a due job and runs it to its end (success, retry, failure or a lost lease); false when none was due.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        var job = await ClaimAsync(stoppingToken);
        if (job is null)
        {
            return false;
        }

        await RunAsync(job, stoppingToken);
        return true;
    }

    internal async Task<BackgroundJob?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await StaffContextAsync(scope, cancellationToken);
        var now = clock.GetUtcNow();
        var candidates = await Claimable(db.BackgroundJobs, now)
            .OrderBy(j => j.AvailableAt).ThenBy(j => j.Id)
            .Select(j => j.Id)
            .Take(CandidatesPerClaim)
            .ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            var owner = $"{Name}/{Guid.NewGuid():N}";
            var expires = now + Options.LeaseDuration;
            // Re-checks the condition in the UPDATE itself: another runner may have taken the job since the SELECT.
            var claimed = await Claimable(db.BackgroundJobs.Where(j => j.Id == id), now).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.State, JobState.Running)
                    .SetProperty(j => j.LeaseOwner, owner)
                    .SetProperty(j => j.LeaseExpiresAt, expires)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                    .SetProperty(j => j.StartedAt, j => j.StartedAt ?? now),
                cancellationToken);
            if (claimed == 1)
            {
                return await db.BackgroundJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.LeaseOwner == owner, cancellationToken);
            }
        }

        return null;
    }

    private static IQueryable<BackgroundJob> Claimable(IQueryable<BackgroundJob> jobs, DateTimeOffset now) =>
        jobs.Where(j => (j.State == JobState.Queued && j.AvailableAt <= now) || (j.State == JobState.Running && j.LeaseExpiresAt < now));

    private async Task RunAsync(BackgroundJob job, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // The job sees only its company's records: the query filters hold for background work too.
        var companyScope = scope.ServiceProvider.GetRequiredService<CompanyScope>();
        if (job.CompanyId is { } companyId)
        {
            companyScope.ForCompany(companyId);
        }
        else
        {
            companyScope.ForStaff();
        }

        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var execution = new JobExecution(job, Options.LeaseDuration, clock);
        var handler = scope.ServiceProvider.GetKeyedService<IJobHandler>(job.Kind);
        var failureMessage = handler?.FailureMessage ?? GenericFailure;
        if (handler is null)
        {
            await RecordFailureAsync(dbFactory, execution, new UnrecoverableJobException(GenericFailure), $"No handler is registered for jobs of kind {job.Kind}.", failureMessage);
            return;
        }

        if (job.Attempts > Options.MaxAttempts)
        {
            // Its earlier holders stopped without a word (the portal crashed or was killed while running it).
            var error = $"The job's lease expired {job.Attempts - 1} times without it finishing; it is not tried again.";
            await RecordFailureAsync(dbFactory, execution, new UnrecoverableJobException(failureMessage), error, failureMessage);
            return;
        }

        logger.LogInformation("Job {JobId} ({Kind} of {TargetId}) started, attempt {Attempt}, from checkpoint {Checkpoint}", job.Id, job.Kind, job.TargetId, job.Attempts, job.Checkpoint);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var leaseKeeping = KeepLeaseAsync(dbFactory, execution, running);
        try
        {
            await handler.RunAsync(execution, running.Token);
            if (!execution.IsFinished)
            {
                await using var db = await dbFactory.CreateDbContextAsync(running.Token);
                await execution.FinishAsync(db, running.Token);
            }

            logger.LogInformation("Job {JobId} ({Kind} of {TargetId}) succeeded: {Done} rows", job.Id, job.Kind, job.TargetId, execution.Done);
        }
        catch (Exception) when (execution.LeaseLost)
        {
            logger.LogWarning("Job {JobId} ({Kind} of {TargetId}) stopped here: it was cancelled, or its lease expired and another runner holds it", job.Id, job.Kind, job.TargetId);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseAsync(dbFactory, execution);
        }
        catch (Exception ex)
        {
            await RecordFailureAsync(dbFactory, execution, ex, ex.ToString(), failureMessage);
        }
        finally
        {
            await running.CancelAsync();
            await leaseKeeping;
        }
    }

    private async Task KeepLeaseAsync(IDbContextFactory<PortalDbContext> dbFactory, JobExecution execution, CancellationTokenSource running)
    {
        var interval = Options.LeaseDuration / 3;
        while (!running.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, running.Token);
                await using var db = await dbFactory.CreateDbContextAsync(running.Token);
                if (!await execution.RenewLeaseAsync(db, running.Token))
                {
                    // Someone else holds the job now: stop the handler before it writes anything more.
                    await running.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException) when (running.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The next renewal (or the handler's next batch) tries again; the lease lasts three intervals.
                logger.LogWarning(ex, "Job {JobId}: renewing its lease failed", execution.JobId);
            }
        }
    }

    /// <summary>A clean stop is not the job's fault: it goes back to the queue at once, with its attempt given back.</summary>
    private async Task ReleaseAsync(IDbContextFactory<PortalDbContext> dbFactory, JobExecution execution)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await using var db = await dbFactory.CreateDbContextAsync(timeout.Token);
            var now = clock.GetUtcNow();
            await execution.Held(db).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.State, JobState.Queued)
                    .SetProperty(j => j.LeaseOwner, (string?)null)
                    .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
                    .SetProperty(j => j.AvailableAt, now)
                    .SetProperty(j => j.Attempts, j => j.Attempts - 1),
                timeout.Token);
            logger.LogInformation("Job {JobId} ({Kind} of {TargetId}) given back on shutdown at checkpoint {Checkpoint}", execution.JobId, execution.Kind, execution.TargetId, execution.Checkpoint);
        }
        catch (Exception ex)
        {
            // Its lease will expire and another runner will take it over from the checkpoint.
            logger.LogWarning(ex, "Job {JobId}: could not give it back on shutdown", execution.JobId);
        }
    }

    private async Task RecordFailureAsync(IDbContextFactory<PortalDbContext> dbFactory, JobExecution execution, Exception failure, string error, string failureMessage)
    {
        var delay = failure is UnrecoverableJobException ? null : JobRetryPolicy.NextDelay(execution.Attempt, Options.MaxAttempts, Options.RetryDelay);
        var userMessage = BackgroundJob.Fit(failure is UnrecoverableJobException unrecoverable ? unrecoverable.UserMessage : failureMessage, BackgroundJob.UserMessageLength);
        var lastError = BackgroundJob.Fit(error, BackgroundJob.LastErrorLength);
        if (delay is { } wait)
        {
            logger.LogWarning(failure, "Job {JobId} ({Kind} of {TargetId}) failed on attempt {Attempt} of {MaxAttempts}; trying again in {Delay}", execution.JobId, execution.Kind, execution.TargetId, execution.Attempt, Options.MaxAttempts, wait);
        }
        else
        {
            logger.LogError(failure, "Job {JobId} ({Kind} of {TargetId}) failed on attempt {Attempt}; not tried again: {Error}", execution.JobId, execution.Kind, execution.TargetId, execution.Attempt, error);
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await using var db = await dbFactory.CreateDbContextAsync(timeout.Token);
            var now = clock.GetUtcNow();
            await execution.Held(db).ExecuteUpdateAsync(
                s =>
                {
                    s.SetProperty(j => j.LeaseOwner, (string?)null)
                        .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
                        .SetProperty(j => j.LastError, lastError);
                    if (delay is { } retryIn)
                    {
                        s.SetProperty(j => j.State, JobState.Queued).SetProperty(j => j.AvailableAt, now + retryIn);
                    }
                    else
                    {
                        s.SetProperty(j => j.State, JobState.Failed).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.UserMessage, userMessage);
                    }
                },
                timeout.Token);
        }
        catch (Exception ex)
        {
            // The database is out of reach: the lease expires and the job is taken over (the attempt stays used).
            logger.LogError(ex, "Job {JobId}: could not record its failure", execution.JobId);
        }
    }

    private static async Task<PortalDbContext> StaffContextAsync(AsyncServiceScope scope, CancellationToken cancellationToken)
    {
        scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff();
        return await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken);
    }
}
