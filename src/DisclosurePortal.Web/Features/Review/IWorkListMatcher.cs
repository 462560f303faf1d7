using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data.Entities;

namespace DisclosurePortal.Web.Features.Review;

/// <summary>One catalog candidate for a listed row: rank 1 is the best, at most <see cref="IWorkListMatcher.MaxCandidates"/> per row.</summary>
public sealed record ProposedMatch(long EntryId, int Rank, long CatalogRecordingId, MatchTier Tier, double Score, string Reasons);

/// <summary>
/// The matching engine as reconciliation sees it: a batch of accepted rows in, their candidates out (rows with
/// none are simply absent). Everything else about a reconciliation run — batches, checkpoints, runs, progress —
/// lives in <see cref="ReconciliationJob"/> and does not depend on which engine is behind this.
/// </summary>
public interface IWorkListMatcher
{
    public const int MaxCandidates = 3;

    Task<IReadOnlyList<ProposedMatch>> MatchAsync(IReadOnlyList<WorkListEntry> rows, CancellationToken cancellationToken);
}
