using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Catalog;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Responses;
using DisclosurePortal.Web.Features.Review;
using DisclosurePortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DisclosurePortal.IntegrationTests.Jobs;

/// <summary>
/// The upload pipeline on its jobs, interrupted where it hurts: a portal that dies in the middle of reading an
/// upload or of matching it, or is stopped, and is started again. Each time the stored rows, counts and
/// candidates must equal those of the same file processed without interruption: nothing lost, nothing twice.
/// </summary>
public abstract class UploadPipelineTests(DatabaseFixture database)
{
    private static readonly TimeSpan Lease = new JobOptions().LeaseDuration;
    private readonly FakeTimeProvider clock = new(TestData.Now);

    [SkippableFact]
    public async Task A_crash_in_the_middle_of_validation_loses_nothing_and_writes_nothing_twice()
    {
        var (companies, sample) = await ArrangeAsync();
        var expected = await UninterruptedAsync(companies.B.Id, companies.ResponseB.Id, sample);
        var crash = Interruption.CrashAtCommit(2); // the second batch of rows dies in its commit
        await using var crashed = new JobProcess(database, clock, crash);
        await using var restarted = new JobProcess(database, clock);
        var uploadId = await UploadAsync(restarted, companies.A.Id, companies.ResponseA.Id, sample); // commits are counted in the crashing process only

        Assert.True(await crashed.Runner.RunOnceAsync(default));

        Assert.True(crash.Crashed);
        var validation = await JobAsync(JobKind.WorkListValidation, uploadId);
        Assert.Equal((JobState.Running, 1, WorkListValidationJob.BatchSize + 1L), (validation.State, validation.Attempts, validation.Checkpoint));
        var halfway = await StoredUpload.ReadAsync(database, uploadId);
        Assert.Equal((UploadStatus.Received, WorkListValidationJob.BatchSize), (halfway.Status, halfway.Accepted + halfway.Rejected));
        Assert.Equal(WorkListValidationJob.BatchSize, halfway.Entries.Count);
        // What the respondent sees meanwhile: still validating, at the last committed batch.
        var progress = (await UploadsSeenByAsync(restarted, companies.A.Id)).Single(u => u.Id == uploadId).Progress;
        Assert.Equal((UploadStage.Validating, (long)WorkListValidationJob.BatchSize, (long?)UploadSample.Rows), (progress.Stage, progress.Done, progress.Total));

        Assert.Equal(0, await restarted.RunUntilIdleAsync()); // the dead runner's lease still holds the job
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(2, await restarted.RunUntilIdleAsync()); // the rest of the validation, then the reconciliation

        (await StoredUpload.ReadAsync(database, uploadId)).AssertSameAs(expected);
        validation = await JobAsync(JobKind.WorkListValidation, uploadId);
        Assert.Equal((JobState.Succeeded, 2, (long)UploadSample.Rows, (long?)UploadSample.Rows), (validation.State, validation.Attempts, validation.Done, validation.Total));
    }

    [SkippableFact]
    public async Task A_crash_in_the_middle_of_reconciliation_loses_nothing_writes_nothing_twice_and_shows_no_half_run()
    {
        var (companies, sample) = await ArrangeAsync();
        var expected = await UninterruptedAsync(companies.B.Id, companies.ResponseB.Id, sample);
        var crash = Interruption.CrashAtCommit(4); // three batches of candidates in, the fourth dies in its commit
        await using var validator = new JobProcess(database, clock);
        await using var crashed = new JobProcess(database, clock, crash);
        await using var restarted = new JobProcess(database, clock);
        var uploadId = await UploadAsync(validator, companies.A.Id, companies.ResponseA.Id, sample);
        Assert.True(await validator.Runner.RunOnceAsync(default)); // validation only; it queues the reconciliation

        Assert.True(await crashed.Runner.RunOnceAsync(default));

        Assert.True(crash.Crashed);
        var reconciliation = await JobAsync(JobKind.Reconciliation, uploadId);
        Assert.Equal((JobState.Running, 3L * ReconciliationJob.BatchSize), (reconciliation.State, reconciliation.Done));
        var halfway = await StoredUpload.ReadAsync(database, uploadId);
        Assert.Equal((UploadStatus.Validated, 0, (long?)null), (halfway.Status, halfway.Matched, halfway.MatchRunId));
        Assert.NotEmpty(halfway.Candidates); // written, but not shown: the run is not complete
        Assert.Equal(0, (await MatchesSeenByReviewerAsync(restarted, companies.A.Id)).TotalCount);
        var progress = (await UploadsSeenByAsync(restarted, companies.A.Id)).Single(u => u.Id == uploadId).Progress;
        Assert.Equal((UploadStage.Reconciling, 3L * ReconciliationJob.BatchSize, (long?)UploadSample.Accepted), (progress.Stage, progress.Done, progress.Total));

        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await restarted.RunUntilIdleAsync());

        (await StoredUpload.ReadAsync(database, uploadId)).AssertSameAs(expected);
        Assert.Equal(UploadSample.Matched, (await MatchesSeenByReviewerAsync(restarted, companies.A.Id)).TotalCount);
        reconciliation = await JobAsync(JobKind.Reconciliation, uploadId);
        Assert.Equal((JobState.Succeeded, 2), (reconciliation.State, reconciliation.Attempts));
    }

    [SkippableFact]
    public async Task A_portal_stopped_in_the_middle_of_validation_gives_the_job_back_and_the_next_start_goes_on_from_there()
    {
        var (companies, sample) = await ArrangeAsync();
        var expected = await UninterruptedAsync(companies.B.Id, companies.ResponseB.Id, sample);
        int uploadId;
        await using (var before = new JobProcess(database, clock))
        {
            uploadId = await UploadAsync(before, companies.A.Id, companies.ResponseA.Id, sample);
        }

        IHostApplicationLifetime? lifetime = null;
        var stop = Interruption.StopAfterCommit(1, () => lifetime!.StopApplication());
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddPortalTestServices(database, clock);
        builder.Services.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(stop.Interceptors), ServiceLifetime.Scoped);
        using (var host = builder.Build())
        {
            lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            // The portal's own worker picks the job up; the stop comes right after its first batch.
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await host.StartAsync(limit.Token);
            await host.WaitForShutdownAsync(limit.Token);
        }

        Assert.Equal(1, stop.Commits);
        var given = await JobAsync(JobKind.WorkListValidation, uploadId);
        Assert.Equal((JobState.Queued, 0, WorkListValidationJob.BatchSize + 1L, (string?)null), (given.State, given.Attempts, given.Checkpoint, given.LeaseOwner));
        Assert.Equal(WorkListValidationJob.BatchSize, (await StoredUpload.ReadAsync(database, uploadId)).Entries.Count);

        // Started again: no lease to wait for.
        await using var restarted = new JobProcess(database, clock);
        Assert.Equal(2, await restarted.RunUntilIdleAsync());
        (await StoredUpload.ReadAsync(database, uploadId)).AssertSameAs(expected);
        Assert.Equal(1, (await JobAsync(JobKind.WorkListValidation, uploadId)).Attempts);
    }

    [SkippableFact]
    public async Task A_reconciliation_that_keeps_failing_ends_with_a_clear_message_keeps_what_it_wrote_and_its_retry_finishes_it()
    {
        var (companies, sample) = await ArrangeAsync();
        var expected = await UninterruptedAsync(companies.B.Id, companies.ResponseB.Id, sample);
        var matcher = new FlakyMatcher(failFromCall: 3);
        await using var process = new JobProcess(database, clock, configure: s =>
        {
            s.AddScoped<CatalogIndexMatcher>();
            s.AddScoped<IWorkListMatcher>(sp => matcher.Around(sp.GetRequiredService<CatalogIndexMatcher>()));
            s.Configure<JobOptions>(o => (o.MaxAttempts, o.RetryDelay) = (2, TimeSpan.FromSeconds(1)));
        });
        var uploadId = await UploadAsync(process, companies.A.Id, companies.ResponseA.Id, sample);

        Assert.Equal(2, await process.RunUntilIdleAsync()); // validation; reconciliation fails on its third batch
        var reconciliation = await JobAsync(JobKind.Reconciliation, uploadId);
        Assert.Equal((JobState.Queued, 1, 2L * ReconciliationJob.BatchSize), (reconciliation.State, reconciliation.Attempts, reconciliation.Done));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await process.RunUntilIdleAsync());

        reconciliation = await JobAsync(JobKind.Reconciliation, uploadId);
        Assert.Equal((JobState.Failed, 2), (reconciliation.State, reconciliation.Attempts));
        Assert.Contains("matcher out of order", reconciliation.LastError, StringComparison.Ordinal);
        var failed = (await UploadsSeenByAsync(process, companies.A.Id)).Single(u => u.Id == uploadId).Progress;
        Assert.Equal((UploadStage.Failed, true), (failed.Stage, failed.CanRetry));
        await using (var scope = process.Services.CreateAsyncScope())
        {
            Assert.Equal(scope.ServiceProvider.GetRequiredKeyedService<IJobHandler>(JobKind.Reconciliation).FailureMessage, failed.Message);
        }

        Assert.DoesNotContain("Exception", failed.Message, StringComparison.Ordinal);
        // What it wrote before failing is kept (and not shown); the rows and their counts are untouched.
        var kept = await StoredUpload.ReadAsync(database, uploadId);
        Assert.Equal((UploadStatus.Validated, 0, (long?)null), (kept.Status, kept.Matched, kept.MatchRunId));
        Assert.Equal(2 * ReconciliationJob.BatchSize, kept.Candidates.Count(c => c.Rank == 1)); // an answer for every row of two batches
        Assert.Equal(2 * ReconciliationJob.BatchSize * UploadSample.Matched / UploadSample.Accepted, kept.Candidates.Count(c => c.Rank == 1 && c.Tier != MatchTier.None)); // half of them match
        Assert.Equal(expected.Entries, kept.Entries);
        Assert.Equal((expected.Accepted, expected.Rejected), (kept.Accepted, kept.Rejected));

        // Another company's respondent cannot retry it, and nothing changes when they try.
        await using (var other = process.Services.SignedInScope(TestUsers.Respondent(companies.B.Id)))
        {
            await Assert.ThrowsAsync<KeyNotFoundException>(() => other.ServiceProvider.GetRequiredService<UploadProcessing>().RetryAsync(uploadId));
        }

        Assert.Equal(JobState.Failed, (await JobAsync(JobKind.Reconciliation, uploadId)).State);

        matcher.Repair();
        await using (var own = process.Services.SignedInScope(TestUsers.Respondent(companies.A.Id)))
        {
            var processing = own.ServiceProvider.GetRequiredService<UploadProcessing>();
            Assert.True(await processing.RetryAsync(uploadId));
            Assert.False(await processing.RetryAsync(uploadId)); // queued already: nothing left to retry
        }

        Assert.Equal(1, await process.RunUntilIdleAsync());
        (await StoredUpload.ReadAsync(database, uploadId)).AssertSameAs(expected);
        // The retry went on from the checkpoint: the rows matched before the failure were not sent again.
        Assert.Equal(UploadSample.Accepted, matcher.RowsMatchedWhileWorking);
    }

    [SkippableFact]
    public async Task A_catalog_change_matches_the_uploads_of_sent_requests_again_and_reviewers_never_see_a_mix_of_runs()
    {
        var (companies, sample) = await ArrangeAsync();
        await using var process = new JobProcess(database, clock);
        var first = await UploadAsync(process, companies.A.Id, companies.ResponseA.Id, sample);
        var second = await UploadAsync(process, companies.B.Id, companies.ResponseB.Id, sample);
        Assert.Equal(4, await process.RunUntilIdleAsync());
        // A third company answers a request that is closed since: its upload is left as it is.
        int closedUpload;
        await using (var db = database.CreateContext())
        {
            var closed = await TestData.CreateTwoCompaniesAsync(db);
            closedUpload = await UploadAsync(process, closed.A.Id, closed.ResponseA.Id, sample);
            Assert.Equal(2, await process.RunUntilIdleAsync());
            await db.Requests.Where(r => r.Id == closed.Request.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RequestState.Closed));
        }

        var before = await MatchesSeenByReviewerAsync(process, companies.A.Id);
        Assert.Equal(UploadSample.Matched, before.TotalCount);
        var change = sample.CatalogAddingUnknowns(10);

        var version = await ImportCatalogAsync(process, change);

        Assert.Equal(10, version.Added);
        var queued = await ReconciliationsQueuedAsync();
        Assert.Contains(first, queued);
        Assert.Contains(second, queued);
        Assert.DoesNotContain(closedUpload, queued);
        Assert.Equal(0, (await ImportCatalogAsync(process, change)).Added); // unchanged: nothing more is queued
        Assert.Equal(queued.Order(), (await ReconciliationsQueuedAsync()).Order());

        // One re-run dies half-way. Its company's reviewer still sees the previous run, whole, and is told.
        var crash = Interruption.CrashAtCommit(3);
        await using (var crashed = new JobProcess(database, clock, crash))
        {
            Assert.True(await crashed.Runner.RunOnceAsync(default));
        }

        Assert.True(crash.Crashed);
        await using (var db = database.CreateContext())
        {
            var interrupted = (int)(await db.BackgroundJobs.SingleAsync(j => j.Kind == JobKind.Reconciliation && j.State == JobState.Running)).TargetId;
            var company = interrupted == first ? companies.A.Id : companies.B.Id;
            var meanwhile = await MatchesSeenByReviewerAsync(process, company);
            Assert.Equal(before.Items.Select(m => (m.LineNumber, m.CatalogIdentifier, m.Tier)), meanwhile.Items.Select(m => (m.LineNumber, m.CatalogIdentifier, m.Tier)));
            Assert.Equal(UploadSample.Matched, meanwhile.TotalCount);
            var progress = (await UploadsSeenByAsync(process, company)).Single(u => u.Id == interrupted).Progress;
            Assert.Equal((UploadStage.Reconciling, true), (progress.Stage, progress.Rematching));
        }

        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.True(await process.RunUntilIdleAsync() >= 2);

        var afterFirst = await StoredUpload.ReadAsync(database, first);
        afterFirst.AssertSameAs(await StoredUpload.ReadAsync(database, second));
        Assert.Equal(UploadSample.Matched + 10, afterFirst.Matched);
        Assert.Equal(UploadSample.Matched + 10, (await MatchesSeenByReviewerAsync(process, companies.A.Id)).TotalCount);
        var closedNow = await StoredUpload.ReadAsync(database, closedUpload);
        Assert.Equal(UploadSample.Matched, closedNow.Matched);
    }

    private async Task<(TwoCompanies Companies, UploadSample Sample)> ArrangeAsync()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        await using var db = database.CreateContext();
        // The tests of this class share one database: earlier tests' requests are closed, so a catalog change
        // here re-runs only this test's uploads, and work an earlier failed test left behind is cancelled.
        await db.Requests.Where(r => r.State == RequestState.Sent).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RequestState.Closed));
        await db.BackgroundJobs.Where(j => j.State == JobState.Queued || j.State == JobState.Running).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Cancelled));
        var companies = await TestData.CreateTwoCompaniesAsync(db);
        return (companies, await UploadSample.CreateAsync(db));
    }

    /// <summary>The same file processed start to finish by one process, for comparison.</summary>
    private async Task<StoredUpload> UninterruptedAsync(int companyId, int responseId, UploadSample sample)
    {
        await using var process = new JobProcess(database, clock);
        var uploadId = await UploadAsync(process, companyId, responseId, sample);
        var ran = await process.RunUntilIdleAsync();
        Assert.True(ran == 2, $"{ran} jobs ran instead of 2; last errors: {await LastErrorsAsync(uploadId)}");
        var stored = await StoredUpload.ReadAsync(database, uploadId);
        Assert.Equal((UploadStatus.Processed, UploadSample.Accepted, UploadSample.Rejected, UploadSample.Matched), (stored.Status, stored.Accepted, stored.Rejected, stored.Matched));
        Assert.Equal(UploadSample.Accepted, stored.Candidates.Count(c => c.Rank == 1));
        Assert.Equal(UploadSample.Matched, stored.Candidates.Count(c => c.Rank == 1 && c.Tier != MatchTier.None));
        return stored;
    }

    private static async Task<int> UploadAsync(JobProcess process, int companyId, int responseId, UploadSample sample)
    {
        await using var scope = process.Services.SignedInScope(TestUsers.Respondent(companyId));
        return await ReceiveAsync(scope, responseId, sample);
    }

    private static async Task<int> ReceiveAsync(AsyncServiceScope scope, int responseId, UploadSample sample)
    {
        var intake = scope.ServiceProvider.GetRequiredService<WorkListIntake>();
        var result = await intake.ReceiveAsync(responseId, "works.csv", new MemoryStream(sample.Content));
        Assert.False(result.Refused, result.Message);
        Assert.Null(await intake.ConfirmMappingAsync(result.UploadId));
        return result.UploadId;
    }

    private static async Task<IReadOnlyList<UploadSummary>> UploadsSeenByAsync(JobProcess process, int companyId)
    {
        await using var scope = process.Services.SignedInScope(TestUsers.Respondent(companyId));
        var workspace = scope.ServiceProvider.GetRequiredService<RespondentWorkspace>();
        var responses = await workspace.GetResponsesAsync();
        var uploads = new List<UploadSummary>();
        foreach (var response in responses)
        {
            uploads.AddRange(await workspace.GetUploadsAsync(response.ResponseId));
        }

        return uploads;
    }

    private static async Task<MatchPage> MatchesSeenByReviewerAsync(JobProcess process, int companyId)
    {
        await using var scope = process.Services.SignedInScope(TestUsers.Reviewer());
        return await scope.ServiceProvider.GetRequiredService<ReviewService>().GetMatchesAsync(companyId, 0, 10_000);
    }

    private static async Task<CatalogVersion> ImportCatalogAsync(JobProcess process, byte[] file)
    {
        await using var scope = process.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff();
        return await scope.ServiceProvider.GetRequiredService<CatalogImporter>().ImportAsync(new MemoryStream(file), "additions.csv", CatalogKind.Recordings);
    }

    private async Task<List<int>> ReconciliationsQueuedAsync()
    {
        await using var db = database.CreateContext();
        return await db.BackgroundJobs.Where(j => j.Kind == JobKind.Reconciliation && j.State == JobState.Queued).Select(j => (int)j.TargetId).ToListAsync();
    }

    private async Task<string> LastErrorsAsync(int uploadId)
    {
        await using var db = database.CreateContext();
        var errors = await db.BackgroundJobs.Where(j => j.TargetId == uploadId && j.LastError != null).Select(j => j.LastError).ToListAsync();
        return string.Join(Environment.NewLine, errors);
    }

    private async Task<BackgroundJob> JobAsync(JobKind kind, int uploadId)
    {
        await using var db = database.CreateContext();
        return await db.BackgroundJobs.AsNoTracking().Where(j => j.Kind == kind && j.TargetId == uploadId).OrderByDescending(j => j.Id).FirstAsync();
    }
}

public sealed class UploadPipelineTestsOnSqlite(SqliteDatabaseFixture database) : UploadPipelineTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class UploadPipelineTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : UploadPipelineTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
