using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Jobs;

/// <summary>
/// Puts work in the job table. Every call works on the caller's context and inside the caller's transaction,
/// so a job is queued exactly when the change that needs it is committed (an upload recorded, its rows read,
/// a catalog version imported).
/// </summary>
public static class JobQueue
{
    public const string SupersededMessage = "Replaced by a newer run of the same work.";

    /// <summary>
    /// Queues <paramref name="kind"/> for <paramref name="targetId"/>. A job of that kind already waiting for the
    /// target will do the work, so nothing is added; one already running started from data that has changed since,
    /// so it is cancelled (its runner notices at its next batch and stops) and a new one queued.
    /// </summary>
    public static async Task EnqueueAsync(PortalDbContext db, JobKind kind, long targetId, int? companyId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var sameWork = db.BackgroundJobs.Where(j => j.Kind == kind && j.TargetId == targetId);
        if (await sameWork.AnyAsync(j => j.State == JobState.Queued, cancellationToken))
        {
            return;
        }

        await CancelRunningAsync(sameWork, now, cancellationToken);
        db.BackgroundJobs.Add(Queued(kind, targetId, companyId, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// After a catalog change: queues reconciliation again for every upload whose rows are read, of a request
    /// that is sent (not draft, not closed), one job per upload. Uploads still being read get reconciled when
    /// reading ends, from the catalog as it is then. Needs a staff scope (it reads every company's uploads).
    /// </summary>
    public static async Task<int> ReconcileSentRequestsAgainAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (!db.Scope.IsStaff)
        {
            throw new InvalidOperationException("Queuing reconciliation for every company needs a staff scope.");
        }

        var uploads = db.WorkListUploads.Where(u =>
            (u.Status == UploadStatus.Validated || u.Status == UploadStatus.Processed) && u.Response!.Request!.State == RequestState.Sent);
        var uploadIds = uploads.Select(u => (long)u.Id);
        var reconciliations = db.BackgroundJobs.Where(j => j.Kind == JobKind.Reconciliation && uploadIds.Contains(j.TargetId));
        await CancelRunningAsync(reconciliations, now, cancellationToken);

        var waiting = reconciliations.Where(j => j.State == JobState.Queued).Select(j => j.TargetId);
        var targets = await uploads.Where(u => !waiting.Contains(u.Id)).Select(u => new { u.Id, u.CompanyId }).ToListAsync(cancellationToken);
        db.BackgroundJobs.AddRange(targets.Select(t => Queued(JobKind.Reconciliation, t.Id, t.CompanyId, now)));
        await db.SaveChangesAsync(cancellationToken);
        return targets.Count;
    }

    private static Task<int> CancelRunningAsync(IQueryable<BackgroundJob> jobs, DateTimeOffset now, CancellationToken cancellationToken) =>
        jobs.Where(j => j.State == JobState.Running).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.State, JobState.Cancelled)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.UserMessage, SupersededMessage),
            cancellationToken);

    private static BackgroundJob Queued(JobKind kind, long targetId, int? companyId, DateTimeOffset now) => new()
    {
        Kind = kind,
        TargetId = targetId,
        CompanyId = companyId,
        State = JobState.Queued,
        AvailableAt = now,
        QueuedAt = now,
    };
}
