using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data.Entities;

namespace DisclosurePortal.Web.Features.Review;

/// <summary>
/// One answer for a listed row: rank 1 is the best, at most <see cref="IWorkListMatcher.MaxCandidates"/> per row.
/// A row without a candidate gets one proposal of tier None with no catalog id, its reason in <see cref="Reasons"/>.
/// </summary>
public sealed record ProposedMatch(long EntryId, int Rank, CatalogKind Kind, long? CatalogId, MatchTier Tier, double Score, string Reasons);

/// <summary>
/// The matching engine as reconciliation sees it: a batch of accepted rows in, at least one proposal per row out.
/// Everything else about a reconciliation run — batches, checkpoints, runs, progress — lives in
/// <see cref="ReconciliationJob"/> and does not depend on which engine is behind this.
/// </summary>
public interface IWorkListMatcher
{
    public const int MaxCandidates = 3;

    Task<IReadOnlyList<ProposedMatch>> MatchAsync(IReadOnlyList<WorkListEntry> rows, CancellationToken cancellationToken);
}
