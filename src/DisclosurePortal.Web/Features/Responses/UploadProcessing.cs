using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Responses;

/// <summary>
/// The background processing of uploads as the pages show it: each upload's stage and progress, read from the
/// job table (so it is the same after a restart), and the retry of a job that gave up. A respondent reaches only
/// its own company's uploads, staff any company's; the query filters say the same a second time.
/// </summary>
public sealed class UploadProcessing(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session, TimeProvider clock, ILogger<UploadProcessing> logger)
{
    /// <summary>The latest validation and reconciliation job of each upload, by upload id, on a context the caller has scoped.</summary>
    internal static async Task<Dictionary<int, (UploadJob? Validation, UploadJob? Reconciliation)>> LatestJobsAsync(
        PortalDbContext db, IReadOnlyCollection<int> uploadIds, CancellationToken cancellationToken = default)
    {
        var targets = uploadIds.Select(id => (long)id).ToList();
        var jobs = await db.BackgroundJobs.AsNoTracking()
            .Where(j => (j.Kind == JobKind.WorkListValidation || j.Kind == JobKind.Reconciliation) && targets.Contains(j.TargetId))
            .Select(j => new UploadJob(j.Id, j.Kind, (int)j.TargetId, j.State, j.Attempts, j.Done, j.Total, j.RatePerSecond, j.AvailableAt, j.UserMessage))
            .ToListAsync(cancellationToken);
        return jobs
            .GroupBy(j => j.UploadId)
            .ToDictionary(
                g => g.Key,
                g => (g.Where(j => j.Kind == JobKind.WorkListValidation).MaxBy(j => j.Id), g.Where(j => j.Kind == JobKind.Reconciliation).MaxBy(j => j.Id)));
    }

    internal static UploadProgress ProgressOf(Dictionary<int, (UploadJob? Validation, UploadJob? Reconciliation)> jobs, int uploadId, UploadStatus status, string? refusalReason)
    {
        var (validation, reconciliation) = jobs.GetValueOrDefault(uploadId);
        return UploadProgress.Of(status, refusalReason, validation, reconciliation);
    }

    /// <summary>
    /// Queues the upload's failed job again, from its checkpoint and with its attempts renewed; false when it has
    /// no failed job (it was retried already, or a newer run replaced it).
    /// </summary>
    public async Task<bool> RetryAsync(int uploadId)
    {
        var principal = await session.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var upload = await db.WorkListUploads.AsNoTracking().Where(u => u.Id == uploadId).Select(u => new { u.Id, u.CompanyId }).SingleOrDefaultAsync();
        var allowed = upload is not null && (principal.IsStaff || (principal is { IsRespondent: true } && principal.CompanyId == upload.CompanyId));
        if (!allowed)
        {
            logger.LogWarning("Retry refused: user {UserId} named upload {UploadId}, which is not theirs to retry", principal.UserId, uploadId);
            throw new KeyNotFoundException("Upload not found.");
        }

        var now = clock.GetUtcNow();
        var jobs = db.BackgroundJobs;
        var retried = await jobs
            .Where(j => j.TargetId == uploadId && j.CompanyId == upload!.CompanyId && (j.Kind == JobKind.WorkListValidation || j.Kind == JobKind.Reconciliation))
            .Where(j => j.State == JobState.Failed && !jobs.Any(newer => newer.Kind == j.Kind && newer.TargetId == j.TargetId && newer.Id > j.Id))
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.State, JobState.Queued)
                    .SetProperty(j => j.Attempts, 0)
                    .SetProperty(j => j.AvailableAt, now)
                    .SetProperty(j => j.FinishedAt, (DateTimeOffset?)null)
                    .SetProperty(j => j.UserMessage, (string?)null));
        if (retried > 0)
        {
            logger.LogInformation("User {UserId} retried the failed job of upload {UploadId}", principal.UserId, uploadId);
        }

        return retried > 0;
    }
}
