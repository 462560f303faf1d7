using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Jobs;

/// <summary>
/// One claim of one job, as its handler sees it: what to work on, where the last committed batch ended, and the
/// writes that keep the job's row in step with the results. Every write is conditional on this claim still
/// holding the job, so a runner that lost its lease (it stalled and another runner took over, or the job was
/// cancelled) cannot commit another batch: the write throws <see cref="JobLeaseLostException"/> and the
/// handler's transaction rolls back.
/// </summary>
public sealed class JobExecution
{
    private readonly string leaseOwner;
    private readonly TimeSpan lease;
    private readonly TimeProvider clock;
    private readonly DateTimeOffset claimedAt;
    private readonly long doneAtClaim;

    internal JobExecution(BackgroundJob claimed, TimeSpan lease, TimeProvider clock)
    {
        leaseOwner = claimed.LeaseOwner ?? throw new ArgumentException("The job is not claimed.", nameof(claimed));
        this.lease = lease;
        this.clock = clock;
        claimedAt = clock.GetUtcNow();
        JobId = claimed.Id;
        Kind = claimed.Kind;
        TargetId = claimed.TargetId;
        CompanyId = claimed.CompanyId;
        Attempt = claimed.Attempts;
        Checkpoint = claimed.Checkpoint;
        Done = doneAtClaim = claimed.Done;
        Total = claimed.Total;
    }

    public long JobId { get; }

    public JobKind Kind { get; }

    public long TargetId { get; }

    public int? CompanyId { get; }

    /// <summary>1 for the first claim of the job, 2 for the next…</summary>
    public int Attempt { get; }

    /// <summary>Where the last committed batch ended (0 before the first).</summary>
    public long Checkpoint { get; private set; }

    public long Done { get; private set; }

    public long? Total { get; private set; }

    public bool IsFinished { get; private set; }

    public bool LeaseLost { get; private set; }

    /// <summary>
    /// Records progress, in <paramref name="db"/>'s current transaction when it has one: commit it with the batch
    /// the checkpoint stands for. Also renews the lease.
    /// </summary>
    public async Task SaveProgressAsync(PortalDbContext db, long checkpoint, long done, long? total, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var seconds = (now - claimedAt).TotalSeconds;
        double? rate = seconds > 0 ? (done - doneAtClaim) / seconds : null;
        var updated = await Held(db).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Checkpoint, checkpoint)
                .SetProperty(j => j.Done, done)
                .SetProperty(j => j.Total, total)
                .SetProperty(j => j.RatePerSecond, rate)
                .SetProperty(j => j.LeaseExpiresAt, now + lease),
            cancellationToken);
        EnsureHeld(updated);
        (Checkpoint, Done, Total) = (checkpoint, done, total);
    }

    /// <summary>Marks the job succeeded, in <paramref name="db"/>'s current transaction when it has one.</summary>
    public async Task FinishAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var updated = await Held(db).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.State, JobState.Succeeded)
                .SetProperty(j => j.Total, Done)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(j => j.UserMessage, (string?)null),
            cancellationToken);
        EnsureHeld(updated);
        IsFinished = true;
    }

    /// <summary>Extends the lease; false when the claim no longer holds the job.</summary>
    internal async Task<bool> RenewLeaseAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var expires = clock.GetUtcNow() + lease;
        var held = await Held(db).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, expires), cancellationToken) == 1;
        LeaseLost |= !held;
        return held;
    }

    /// <summary>The job's row, as long as this claim holds it.</summary>
    internal IQueryable<BackgroundJob> Held(PortalDbContext db) =>
        db.BackgroundJobs.Where(j => j.Id == JobId && j.LeaseOwner == leaseOwner && j.State == JobState.Running);

    internal void MarkLeaseLost() => LeaseLost = true;

    private void EnsureHeld(int updated)
    {
        if (updated != 1)
        {
            LeaseLost = true;
            throw new JobLeaseLostException(JobId);
        }
    }
}
