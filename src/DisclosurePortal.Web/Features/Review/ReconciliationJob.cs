using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Catalog;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Data.Review;
using DisclosurePortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Review;

/// <summary>
/// Matches an upload's accepted rows against the catalog in id order, a batch at a time; each batch's candidates
/// and the job's checkpoint (the last entry matched) are committed together, so a job taken over after a restart
/// goes on after exactly the rows already matched. Candidates are written under this run (the job's id); only
/// when the whole run is in does the upload switch to it and the previous run's candidates go, in one
/// transaction. A reviewer therefore sees an upload's previous complete run, or none, until this one is complete:
/// never a mix of two.
/// </summary>
public sealed class ReconciliationJob(IDbContextFactory<PortalDbContext> dbFactory, IWorkListMatcher matcher) : IJobHandler
{
    public const int BatchSize = 500;

    // The length of MatchCandidate.Reasons (see its configuration).
    private const int ReasonsLength = 1000;

    public string FailureMessage =>
        "Matching this file's rows against the label's catalog stopped on an error several times. The matches shown " +
        "before are unchanged; try again, and if it keeps failing, contact the label.";

    public async Task RunAsync(JobExecution job, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var upload = await db.WorkListUploads.AsNoTracking()
            .Where(u => u.Id == job.TargetId && u.CompanyId == job.CompanyId)
            .Select(u => new { u.Id, u.Status })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new UnrecoverableJobException("The uploaded file this work was for is no longer there.");
        if (upload.Status is not (UploadStatus.Validated or UploadStatus.Processed))
        {
            throw new UnrecoverableJobException("This file's rows have not been read, so there is nothing to match.");
        }

        var accepted = db.WorkListEntries.AsNoTracking().Where(e => e.UploadId == upload.Id && e.RejectionReason == null);
        var total = job.Total;
        if (total is null)
        {
            total = await accepted.LongCountAsync(cancellationToken);
            await job.SaveProgressAsync(db, job.Checkpoint, job.Done, total, cancellationToken);
        }

        await using var insert = new BatchInsert<MatchCandidate>(db);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var after = job.Checkpoint;
            var rows = await accepted.Where(e => e.Id > after).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            var candidates = Candidates(job.JobId, rows, await matcher.MatchAsync(rows, cancellationToken));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await job.SaveProgressAsync(db, rows[^1].Id, job.Done + rows.Count, total, cancellationToken);
            await insert.InsertAsync(candidates, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await SwitchToThisRunAsync(db, job, upload.Id, cancellationToken);
    }

    private static async Task SwitchToThisRunAsync(PortalDbContext db, JobExecution job, int uploadId, CancellationToken cancellationToken)
    {
        var run = job.JobId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await job.FinishAsync(db, cancellationToken);
        var matched = await db.MatchCandidates.Where(m => m.RunId == run && m.Rank == 1 && m.Tier != MatchTier.None).CountAsync(cancellationToken);
        await db.WorkListUploads.Where(u => u.Id == uploadId).ExecuteUpdateAsync(
            s => s.SetProperty(u => u.MatchRunId, run).SetProperty(u => u.RowsMatched, matched).SetProperty(u => u.Status, UploadStatus.Processed),
            cancellationToken);
        await DecisionRows.SyncWithRunAsync(db, uploadId, run, cancellationToken);
        // Earlier runs of this upload: the one shown until now, and any cut short by a newer one.
        await db.MatchCandidates
            .Where(m => m.RunId != run && db.WorkListEntries.Any(e => e.Id == m.EntryId && e.UploadId == uploadId))
            .ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The matcher's proposals as rows of this run, after checking they keep to the batch and the rank rules.</summary>
    private static List<MatchCandidate> Candidates(long run, List<WorkListEntry> rows, IReadOnlyList<ProposedMatch> proposals)
    {
        var companies = rows.ToDictionary(e => e.Id, e => e.CompanyId);
        var candidates = new List<MatchCandidate>(proposals.Count);
        foreach (var proposal in proposals)
        {
            if (!companies.TryGetValue(proposal.EntryId, out var companyId) || proposal.Rank is < 1 or > IWorkListMatcher.MaxCandidates)
            {
                throw new InvalidOperationException($"The matcher proposed entry {proposal.EntryId} at rank {proposal.Rank}, outside the batch or the ranks 1 to {IWorkListMatcher.MaxCandidates}.");
            }

            if ((proposal.Tier == MatchTier.None) != (proposal.CatalogId is null))
            {
                throw new InvalidOperationException($"The matcher proposed entry {proposal.EntryId} with tier {proposal.Tier} and catalog id {proposal.CatalogId}: only tier None goes without an entry.");
            }

            candidates.Add(new MatchCandidate
            {
                RunId = run,
                EntryId = proposal.EntryId,
                CompanyId = companyId,
                Rank = proposal.Rank,
                Kind = proposal.Kind,
                CatalogRecordingId = proposal.Kind == CatalogKind.Recordings ? proposal.CatalogId : null,
                CatalogCompositionId = proposal.Kind == CatalogKind.Compositions ? proposal.CatalogId : null,
                CatalogReleaseId = proposal.Kind == CatalogKind.Releases ? proposal.CatalogId : null,
                Tier = proposal.Tier,
                Score = proposal.Score,
                Reasons = BackgroundJob.Fit(proposal.Reasons, ReasonsLength)!,
            });
        }

        return candidates;
    }
}
