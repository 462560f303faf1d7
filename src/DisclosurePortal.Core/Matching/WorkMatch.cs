using DisclosurePortal.Core.Catalog;

namespace DisclosurePortal.Core.Matching;

/// <summary>A catalog entry proposed for a listed work: which one, how sure, and why in short phrases.</summary>
public sealed record CatalogCandidate(CatalogKind Kind, long CatalogId, MatchTier Tier, double Score, IReadOnlyList<string> Reasons)
{
    /// <summary>The reasons as one line, the way reviewers read them.</summary>
    public string Explanation => string.Join("; ", Reasons);
}

/// <summary>
/// The outcome for one listed work: up to three candidates, best first; or none, with
/// <see cref="NoMatchReason"/> saying why. <see cref="Warnings"/> names what in the row was not used.
/// </summary>
public sealed record WorkMatch(IReadOnlyList<CatalogCandidate> Candidates, string? NoMatchReason, IReadOnlyList<string> Warnings)
{
    public CatalogCandidate? Best => Candidates.Count > 0 ? Candidates[0] : null;

    public MatchTier Tier => Best?.Tier ?? MatchTier.None;
}
