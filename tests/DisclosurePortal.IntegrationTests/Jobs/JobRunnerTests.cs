using System.Collections.Concurrent;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Data.Jobs;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DisclosurePortal.IntegrationTests.Jobs;

/// <summary>
/// The job table's leases on a real database: claims are exclusive, leases are renewed and expire, a lost claim
/// cannot write, failures wait longer each time and then fail with the handler's message, a clean stop gives
/// the job back, a crash leaves it to be taken over from its checkpoint. Time is a <see cref="FakeTimeProvider"/>.
/// </summary>
public abstract class JobRunnerTests(DatabaseFixture database)
{
    private static readonly TimeSpan Lease = new JobOptions().LeaseDuration;
    private readonly FakeTimeProvider clock = new(TestData.Now);

    [SkippableFact]
    public async Task Two_runners_claiming_at_once_never_take_the_same_job()
    {
        await ArrangeAsync();
        var ranBy = new ConcurrentDictionary<long, ConcurrentBag<string>>();
        ScriptedJob Recording(string runner) => new(async (job, ct) =>
        {
            ranBy.GetOrAdd(job.JobId, _ => []).Add(runner);
            await Task.Delay(2, ct); // hold the job a moment, so the other runner races for the next ones
        });
        var ids = await EnqueueAsync(40);
        await using var first = new JobProcess(database, clock, configure: Recording("first").Register);
        await using var second = new JobProcess(database, clock, configure: Recording("second").Register);

        await Task.WhenAll(Task.Run(() => first.RunUntilIdleAsync()), Task.Run(() => second.RunUntilIdleAsync()));

        Assert.Equal(ids.Order(), ranBy.Keys.Order());
        Assert.All(ranBy, run => Assert.Single(run.Value));
        await using var db = database.CreateContext();
        var jobs = await db.BackgroundJobs.Where(j => ids.Contains(j.Id)).ToListAsync();
        Assert.All(jobs, j => Assert.Equal((JobState.Succeeded, 1, (string?)null), (j.State, j.Attempts, j.LeaseOwner)));
    }

    [SkippableFact]
    public async Task A_claim_holds_the_job_until_its_lease_expires_and_a_lost_claim_can_no_longer_write()
    {
        await ArrangeAsync();
        var id = (await EnqueueAsync(1)).Single();
        await using var first = new JobProcess(database, clock);
        await using var second = new JobProcess(database, clock);

        var claimedFirst = await first.Runner.ClaimAsync(default);
        Assert.NotNull(claimedFirst);
        Assert.Equal((id, JobState.Running, 1), (claimedFirst.Id, claimedFirst.State, claimedFirst.Attempts));
        Assert.StartsWith(first.Runner.Name, claimedFirst.LeaseOwner, StringComparison.Ordinal);
        Assert.Equal(TestData.Now + Lease, claimedFirst.LeaseExpiresAt);
        Assert.Null(await second.Runner.ClaimAsync(default));

        clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Null(await second.Runner.ClaimAsync(default));

        clock.Advance(TimeSpan.FromSeconds(2));
        var claimedSecond = await second.Runner.ClaimAsync(default);
        Assert.NotNull(claimedSecond);
        Assert.Equal((id, 2), (claimedSecond.Id, claimedSecond.Attempts));
        Assert.StartsWith(second.Runner.Name, claimedSecond.LeaseOwner, StringComparison.Ordinal);

        // The first runner wakes up and tries to commit a batch: refused, and nothing of it is written.
        var stale = new JobExecution(claimedFirst, Lease, clock);
        await using (var db = database.CreateContext())
        {
            await Assert.ThrowsAsync<JobLeaseLostException>(() => stale.SaveProgressAsync(db, 99, 99, 100, default));
            await Assert.ThrowsAsync<JobLeaseLostException>(() => stale.FinishAsync(db, default));
            Assert.True(stale.LeaseLost);
        }

        var current = new JobExecution(claimedSecond, Lease, clock);
        await using (var db = database.CreateContext())
        {
            await current.SaveProgressAsync(db, 5, 5, 10, default);
            await current.FinishAsync(db, default);
        }

        var job = await JobAsync(id);
        Assert.Equal((JobState.Succeeded, 5L, 5L, 5L), (job.State, job.Checkpoint, job.Done, job.Total));
    }

    [SkippableFact]
    public async Task A_running_job_renews_its_lease_so_no_other_runner_takes_it()
    {
        await ArrangeAsync();
        var id = (await EnqueueAsync(1)).Single();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var script = new ScriptedJob(async (_, ct) =>
        {
            started.SetResult();
            await release.Task.WaitAsync(ct);
        });
        await using var first = new JobProcess(database, clock, configure: script.Register);
        await using var second = new JobProcess(database, clock);

        var running = first.Runner.RunOnceAsync(default);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        for (var renewal = 1; renewal <= 4; renewal++)
        {
            clock.Advance(Lease / 3 + TimeSpan.FromSeconds(1));
            var expected = clock.GetUtcNow() + Lease;
            await Eventually.TrueAsync(async () => (await JobAsync(id)).LeaseExpiresAt == expected, $"renewal {renewal} of the lease");
        }

        // Well past the first lease's end: still held.
        Assert.True(clock.GetUtcNow() > TestData.Now + Lease);
        Assert.Null(await second.Runner.ClaimAsync(default));

        release.SetResult();
        Assert.True(await running);
        Assert.Equal(JobState.Succeeded, (await JobAsync(id)).State);
        Assert.Equal(1, script.Runs);
    }

    [SkippableFact]
    public async Task A_failing_job_is_retried_after_a_growing_wait_then_fails_with_a_clear_message()
    {
        await ArrangeAsync();
        var id = (await EnqueueAsync(1)).Single();
        var script = new ScriptedJob((_, _) => throw new InvalidOperationException("the disk is on fire"));
        await using var process = new JobProcess(database, clock, configure: s =>
        {
            script.Register(s);
            s.Configure<JobOptions>(o => (o.MaxAttempts, o.RetryDelay) = (3, TimeSpan.FromSeconds(5)));
        });

        Assert.True(await process.Runner.RunOnceAsync(default));
        var job = await JobAsync(id);
        Assert.Equal((JobState.Queued, 1, clock.GetUtcNow().AddSeconds(5)), (job.State, job.Attempts, job.AvailableAt));
        Assert.Null(job.LeaseOwner);
        Assert.Null(job.UserMessage);
        Assert.Contains("InvalidOperationException: the disk is on fire", job.LastError, StringComparison.Ordinal);

        // Not before its wait is over.
        Assert.False(await process.Runner.RunOnceAsync(default));
        clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(await process.Runner.RunOnceAsync(default));
        clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(await process.Runner.RunOnceAsync(default));
        job = await JobAsync(id);
        Assert.Equal((JobState.Queued, 2, clock.GetUtcNow().AddSeconds(10)), (job.State, job.Attempts, job.AvailableAt));

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await process.Runner.RunOnceAsync(default));
        job = await JobAsync(id);
        Assert.Equal((JobState.Failed, 3, clock.GetUtcNow()), (job.State, job.Attempts, job.FinishedAt));
        Assert.Equal(ScriptedJob.Failure, job.UserMessage);
        Assert.Contains("the disk is on fire", job.LastError, StringComparison.Ordinal);
        Assert.Contains(" at ", job.LastError, StringComparison.Ordinal); // the stack, for staff

        clock.Advance(TimeSpan.FromHours(1));
        Assert.False(await process.Runner.RunOnceAsync(default));
        Assert.Equal(3, script.Runs);
    }

    [SkippableFact]
    public async Task A_job_that_cannot_succeed_fails_at_once_with_its_own_message()
    {
        await ArrangeAsync();
        var id = (await EnqueueAsync(1)).Single();
        var script = new ScriptedJob((_, _) => throw new UnrecoverableJobException("The file this was for is gone."));
        await using var process = new JobProcess(database, clock, configure: script.Register);

        Assert.True(await process.Runner.RunOnceAsync(default));

        var job = await JobAsync(id);
        Assert.Equal((JobState.Failed, 1, "The file this was for is gone."), (job.State, job.Attempts, job.UserMessage));
    }

    [SkippableFact]
    public async Task A_job_given_back_on_shutdown_keeps_its_checkpoint_and_attempt_and_runs_again_at_once()
    {
        await ArrangeAsync();
        var id = (await EnqueueAsync(1)).Single();
        using var shutdown = new CancellationTokenSource();
        var first = new ScriptedJob(async (job, ct) =>
        {
            await using (var db = database.CreateContext())
            {
                await job.SaveProgressAsync(db, 7, 7, 20, ct);
            }

            await shutdown.CancelAsync();
            await Task.Delay(Timeout.Infinite, ct);
        });
        (long Checkpoint, long Done, int Attempt)? seen = null;
        var second = new ScriptedJob((job, _) =>
        {
            seen = (job.Checkpoint, job.Done, job.Attempt);
            return Task.CompletedTask;
        });
        await using var before = new JobProcess(database, clock, configure: first.Register);
        await using var after = new JobProcess(database, clock, configure: second.Register);

        Assert.True(await before.Runner.RunOnceAsync(shutdown.Token));

        var given = await JobAsync(id);
        Assert.Equal((JobState.Queued, 0, 7L, (string?)null, clock.GetUtcNow()), (given.State, given.Attempts, given.Checkpoint, given.LeaseOwner, given.AvailableAt));
        Assert.True(await after.Runner.RunOnceAsync(default));
        Assert.Equal((7L, 7L, 1), seen);
        Assert.Equal(JobState.Succeeded, (await JobAsync(id)).State);
    }

    [SkippableFact]
    public async Task A_job_left_running_by_a_crashed_runner_is_taken_over_from_its_last_committed_checkpoint()
    {
        await ArrangeAsync();
        var id = (await EnqueueAsync(1)).Single();
        var startedFrom = new ConcurrentQueue<(long Checkpoint, int Attempt)>();
        var batches = new ScriptedJob(async (job, db, ct) =>
        {
            startedFrom.Enqueue((job.Checkpoint, job.Attempt));
            for (var batch = job.Checkpoint + 1; batch <= 5; batch++)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await job.SaveProgressAsync(db, batch, batch, 5, ct);
                await transaction.CommitAsync(ct);
            }
        });
        var crash = Interruption.CrashAtCommit(3);
        await using var crashed = new JobProcess(database, clock, crash, batches.Register);
        await using var restarted = new JobProcess(database, clock, configure: batches.Register);

        Assert.True(await crashed.Runner.RunOnceAsync(default));

        // Batches 1 and 2 are in; the third died in its commit; the dead process could not give the job back.
        Assert.True(crash.Crashed);
        var left = await JobAsync(id);
        Assert.Equal((JobState.Running, 2L, 1), (left.State, left.Checkpoint, left.Attempts));
        Assert.StartsWith(crashed.Runner.Name, left.LeaseOwner, StringComparison.Ordinal);
        Assert.False(await restarted.Runner.RunOnceAsync(default)); // its lease still runs

        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.True(await restarted.Runner.RunOnceAsync(default));

        Assert.Equal([(0L, 1), (2L, 2)], startedFrom);
        var job = await JobAsync(id);
        Assert.Equal((JobState.Succeeded, 5L, 5L, 2), (job.State, job.Checkpoint, job.Done, job.Attempts));
    }

    [SkippableFact]
    public async Task A_job_whose_holders_kept_vanishing_fails_instead_of_running_again()
    {
        await ArrangeAsync();
        var id = (await EnqueueAsync(1)).Single();
        await using (var db = database.CreateContext())
        {
            await db.BackgroundJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Running)
                .SetProperty(j => j.Attempts, new JobOptions().MaxAttempts)
                .SetProperty(j => j.LeaseOwner, "a-runner-long-gone")
                .SetProperty(j => j.LeaseExpiresAt, clock.GetUtcNow().AddSeconds(-1)));
        }

        var script = new ScriptedJob((_, _) => Task.CompletedTask);
        await using var process = new JobProcess(database, clock, configure: script.Register);

        Assert.True(await process.Runner.RunOnceAsync(default));

        var job = await JobAsync(id);
        Assert.Equal((JobState.Failed, ScriptedJob.Failure), (job.State, job.UserMessage));
        Assert.Contains("lease expired", job.LastError, StringComparison.Ordinal);
        Assert.Equal(0, script.Runs);
    }

    [SkippableFact]
    public async Task Jobs_are_filtered_by_company_like_every_company_record()
    {
        await ArrangeAsync();
        await using var setup = database.CreateContext();
        var companies = await TestData.CreateTwoCompaniesAsync(setup);
        var target = Random.Shared.NextInt64(1, long.MaxValue / 2);
        await JobQueue.EnqueueAsync(setup, ScriptedJob.Kind, target, companies.A.Id, clock.GetUtcNow());
        await JobQueue.EnqueueAsync(setup, ScriptedJob.Kind, target + 1, companies.B.Id, clock.GetUtcNow());
        await JobQueue.EnqueueAsync(setup, ScriptedJob.Kind, target + 2, null, clock.GetUtcNow());
        var targets = new[] { target, target + 1, target + 2 };

        var scopeA = new CompanyScope();
        scopeA.ForCompany(companies.A.Id);
        await using (var db = database.CreateContext(scopeA))
        {
            Assert.Equal([target], await db.BackgroundJobs.Where(j => targets.Contains(j.TargetId)).Select(j => j.TargetId).ToListAsync());
        }

        await using (var db = database.CreateContext(new CompanyScope()))
        {
            Assert.False(await db.BackgroundJobs.AnyAsync());
        }

        Assert.Equal(3, await setup.BackgroundJobs.CountAsync(j => targets.Contains(j.TargetId)));
        await setup.BackgroundJobs.Where(j => targets.Contains(j.TargetId)).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Cancelled));
    }

    private async Task ArrangeAsync()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        // The tests of this class share one database: an earlier test that failed may have left work behind.
        await using var db = database.CreateContext();
        await db.BackgroundJobs.Where(j => j.State == JobState.Queued || j.State == JobState.Running).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Cancelled));
    }

    private async Task<List<long>> EnqueueAsync(int count)
    {
        await using var db = database.CreateContext();
        var first = Random.Shared.NextInt64(1, long.MaxValue / 2);
        for (var i = 0; i < count; i++)
        {
            await JobQueue.EnqueueAsync(db, ScriptedJob.Kind, first + i, null, clock.GetUtcNow());
        }

        return await db.BackgroundJobs.Where(j => j.Kind == ScriptedJob.Kind && j.TargetId >= first && j.TargetId < first + count).Select(j => j.Id).ToListAsync();
    }

    private async Task<BackgroundJob> JobAsync(long id)
    {
        await using var db = database.CreateContext();
        return await db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }
}

public sealed class JobRunnerTestsOnSqlite(SqliteDatabaseFixture database) : JobRunnerTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class JobRunnerTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : JobRunnerTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
