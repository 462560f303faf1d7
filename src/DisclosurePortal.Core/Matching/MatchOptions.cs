namespace DisclosurePortal.Core.Matching;

/// <summary>
/// Where the tiers start. A candidate is <see cref="MatchTier.High"/> at <see cref="High"/> or more when the
/// next candidate is at least <see cref="Margin"/> behind it in log-odds (scores crowd near 1, their log-odds do
/// not; 2.0 means the best is e² ≈ 7 times likelier), so two near-equal candidates are left to a reviewer;
/// <see cref="MatchTier.Possible"/> at <see cref="Possible"/> or more. Defaults were chosen on the synthetic
/// 100k list and the iTunes–Amazon training pairs and checked on the 1M list and the validation pairs (README).
/// </summary>
public sealed record MatchThresholds(double High = 0.8, double Possible = 0.4, double Margin = 2.0)
{
    public static MatchThresholds Default { get; } = new();
}

/// <summary>Tier thresholds and how wide the candidate search is.</summary>
/// <param name="MaxCandidates">Candidates kept per row.</param>
/// <param name="Pool">Entries taken from the inverted index for full scoring.</param>
/// <param name="PostingBudget">Postings read per row before the search stops at its rarest terms read so far.</param>
public sealed record MatchOptions(MatchThresholds Thresholds, int MaxCandidates = 3, int Pool = 16, int PostingBudget = 1500)
{
    public static MatchOptions Default { get; } = new(MatchThresholds.Default);
}
