using Bunit;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Responses;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace DisclosurePortal.Web.Tests;

public class UploadProgressTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private static UploadJob Job(JobKind kind, JobState state, int attempts = 1, long done = 0, long? total = null, double? rate = null, string? message = null) =>
        new(1, kind, 7, state, attempts, done, total, rate, Now, message);

    [Fact]
    public void A_received_file_waits_for_its_validation()
    {
        var progress = UploadProgress.Of(UploadStatus.Received, null, Job(JobKind.WorkListValidation, JobState.Queued, attempts: 0), null);
        Assert.Equal(UploadStage.Received, progress.Stage);
        Assert.False(progress.IsOver);
    }

    [Fact]
    public void Validation_shows_its_rows_done_of_the_estimated_total_its_rate_and_the_time_left()
    {
        var progress = UploadProgress.Of(UploadStatus.Received, null, Job(JobKind.WorkListValidation, JobState.Running, done: 12_000, total: 48_000, rate: 4_000), null);

        Assert.Equal(UploadStage.Validating, progress.Stage);
        Assert.Equal(0.25, progress.Fraction);
        Assert.Equal(TimeSpan.FromSeconds(9), progress.TimeLeft);
        Assert.Equal("12,000 of about 48,000 rows checked · 4,000 rows/s · about 9 s left", progress.Describe());
    }

    [Fact]
    public void A_job_waiting_to_retry_still_shows_its_stage_and_when_it_tries_again()
    {
        var progress = UploadProgress.Of(UploadStatus.Received, null, Job(JobKind.WorkListValidation, JobState.Queued, attempts: 2, done: 2_000, total: 9_000), null);
        Assert.Equal((UploadStage.Validating, Now, (double?)null), (progress.Stage, progress.RetryAt, progress.RatePerSecond));
        Assert.Equal("2,000 of about 9,000 rows checked", progress.Describe());
    }

    [Fact]
    public void Once_its_rows_are_read_an_upload_is_reconciling_then_done()
    {
        var reconciling = UploadProgress.Of(UploadStatus.Validated, null, Job(JobKind.WorkListValidation, JobState.Succeeded),
            Job(JobKind.Reconciliation, JobState.Running, done: 500, total: 3_600, rate: 250));
        Assert.Equal((UploadStage.Reconciling, false), (reconciling.Stage, reconciling.Rematching));
        Assert.Equal("500 of 3,600 rows matched against the catalog · 250 rows/s · about 13 s left", reconciling.Describe());

        var done = UploadProgress.Of(UploadStatus.Processed, null, Job(JobKind.WorkListValidation, JobState.Succeeded), Job(JobKind.Reconciliation, JobState.Succeeded));
        Assert.Equal(UploadStage.Done, done.Stage);
        Assert.True(done.IsOver);
    }

    [Fact]
    public void A_matched_upload_matched_again_after_a_catalog_change_says_so()
    {
        var progress = UploadProgress.Of(UploadStatus.Processed, null, null, Job(JobKind.Reconciliation, JobState.Queued, attempts: 0));
        Assert.Equal((UploadStage.Reconciling, true), (progress.Stage, progress.Rematching));
    }

    [Fact]
    public void A_failed_job_gives_its_message_and_can_be_retried()
    {
        var progress = UploadProgress.Of(UploadStatus.Validated, null, Job(JobKind.WorkListValidation, JobState.Succeeded),
            Job(JobKind.Reconciliation, JobState.Failed, attempts: 5, done: 1_000, total: 3_600, message: "Matching stopped on an error."));
        Assert.Equal((UploadStage.Failed, "Matching stopped on an error.", true), (progress.Stage, progress.Message, progress.CanRetry));
    }

    [Fact]
    public void A_refused_file_is_refused_whatever_its_jobs_say()
    {
        var progress = UploadProgress.Of(UploadStatus.Refused, "The file is empty.", Job(JobKind.WorkListValidation, JobState.Succeeded), null);
        Assert.Equal((UploadStage.Refused, "The file is empty.", false), (progress.Stage, progress.Message, progress.CanRetry));
    }

    [Fact]
    public void Uploads_from_before_jobs_existed_take_their_stage_from_their_status() =>
        Assert.Equal(UploadStage.Done, UploadProgress.Of(UploadStatus.Processed, null, null, null).Stage);

    [Theory]
    [InlineData(0.2, "1 s")]
    [InlineData(59, "59 s")]
    [InlineData(61, "2 min")]
    [InlineData(3_600, "1 h 0 min")]
    [InlineData(7_530, "2 h 5 min")]
    public void Time_left_reads_like_a_countdown(double seconds, string text) =>
        Assert.Equal(text, UploadProgress.Duration(TimeSpan.FromSeconds(seconds)));
}

/// <remarks>MudButton brings services that only dispose asynchronously, so the context is disposed that way.</remarks>
public class UploadProgressViewTests : BunitContext, IAsyncLifetime
{
    public UploadProgressViewTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    [Fact]
    public void A_running_job_shows_a_bar_at_its_fraction_and_its_rows()
    {
        var cut = Render<UploadProgressView>(p => p.Add(c => c.Progress, new UploadProgress(UploadStage.Reconciling, 900, 3_600, 300)));

        Assert.Equal("reconciling", cut.Find("[data-testid=upload-stage]").GetAttribute("data-stage"));
        Assert.Equal("25", cut.Find("[data-testid=upload-progress-bar]").GetAttribute("aria-valuenow"));
        Assert.Equal("900 of 3,600 rows matched against the catalog · 300 rows/s · about 9 s left", cut.Find("[data-testid=upload-progress-text]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=upload-retry]"));
    }

    [Fact]
    public void A_failed_job_shows_its_message_and_a_retry_button_that_asks_for_the_retry()
    {
        var retried = 0;
        var cut = Render<UploadProgressView>(p => p
            .Add(c => c.Progress, new UploadProgress(UploadStage.Failed, Message: "Checking this file's rows stopped on an error."))
            .Add(c => c.OnRetry, EventCallback.Factory.Create(this, () => retried++)));

        Assert.Equal("failed", cut.Find("[data-testid=upload-stage-label]").TextContent.Trim());
        Assert.Equal("Checking this file's rows stopped on an error.", cut.Find("[data-testid=upload-failure]").TextContent);
        cut.Find("button[data-testid=upload-retry]").Click();
        Assert.Equal(1, retried);
        Assert.Empty(cut.FindAll("[data-testid=upload-progress-bar]"));
    }

    [Fact]
    public void A_finished_upload_shows_only_its_stage()
    {
        var cut = Render<UploadProgressView>(p => p.Add(c => c.Progress, new UploadProgress(UploadStage.Done)));
        Assert.Equal("done", cut.Find("[data-testid=upload-stage-label]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=upload-progress-bar]"));
        Assert.Empty(cut.FindAll("[data-testid=upload-retry]"));
    }
}
