using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data.Entities;

namespace DisclosurePortal.Web.Features.Review;

/// <summary>
/// Core's matching engine behind <see cref="IWorkListMatcher"/>: the catalog's index (see <see cref="CatalogMatchIndex"/>),
/// fetched once per reconciliation run, matches a batch's rows on every core. Each row gets its candidates, best first,
/// or one proposal of tier None saying why; what the engine did not use of a row is noted on its best proposal.
/// </summary>
public sealed class CatalogIndexMatcher(CatalogMatchIndex catalog) : IWorkListMatcher
{
    private CatalogIndex? index;

    public async Task<IReadOnlyList<ProposedMatch>> MatchAsync(IReadOnlyList<WorkListEntry> rows, CancellationToken cancellationToken)
    {
        index ??= await catalog.GetAsync(cancellationToken);
        var matches = new WorkMatch[rows.Count];
        await Task.Run(() => Parallel.For(0, rows.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => matches[i] = index.Match(ListedWorkOf(rows[i]))), cancellationToken);

        var proposals = new List<ProposedMatch>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var match = matches[i];
            var notes = match.Warnings.Count == 0 ? string.Empty : "; note: " + string.Join("; ", match.Warnings);
            if (match.Candidates.Count == 0)
            {
                proposals.Add(new ProposedMatch(rows[i].Id, 1, default, null, MatchTier.None, 0, (match.NoMatchReason ?? "no catalog entry is close enough") + notes));
                continue;
            }

            for (var rank = 0; rank < Math.Min(match.Candidates.Count, IWorkListMatcher.MaxCandidates); rank++)
            {
                var candidate = match.Candidates[rank];
                proposals.Add(new ProposedMatch(rows[i].Id, rank + 1, candidate.Kind, candidate.CatalogId, candidate.Tier, candidate.Score, candidate.Explanation + (rank == 0 ? notes : string.Empty)));
            }
        }

        return proposals;
    }

    /// <summary>A stored row as the engine reads it: every field the company listed.</summary>
    internal static ListedWork ListedWorkOf(WorkListEntry entry) =>
        new(entry.Title, entry.Artist, entry.Album, entry.Isrc, entry.Iswc, entry.Upc, entry.DurationSeconds, entry.Year, entry.AssetKind);
}
