using DisclosurePortal.Core.Matching;

namespace DisclosurePortal.Core.Reconciliation;

/// <summary>Precision of one tier: of the rows whose best candidate had it, how many were right.</summary>
public sealed record TierQuality(MatchTier Tier, int Rows, int Correct)
{
    public double Precision => Rows == 0 ? 1 : (double)Correct / Rows;
}

/// <summary>Precision, recall and F1 of the rows accepted at or above a tier.</summary>
public sealed record AcceptedQuality(MatchTier AtLeast, int Accepted, int Correct, int Positives)
{
    public double Precision => Accepted == 0 ? 1 : (double)Correct / Accepted;

    public double Recall => Positives == 0 ? 1 : (double)Correct / Positives;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Counts a matcher's best candidates against gold: a row is right when its best candidate is the gold entry,
/// wrong when it names another entry or any entry for a row the catalog does not hold. Positives are the rows
/// the catalog holds.
/// </summary>
public sealed class MatchQuality
{
    private readonly int[] rows = new int[4];
    private readonly int[] correct = new int[4];

    public int Positives { get; private set; }

    public int Total { get; private set; }

    public void Add(string? goldId, string? predictedId, MatchTier tier)
    {
        Total++;
        Positives += goldId is null ? 0 : 1;
        rows[(int)tier]++;
        correct[(int)tier] += tier != MatchTier.None && goldId is not null && goldId == predictedId ? 1 : 0;
    }

    public TierQuality Of(MatchTier tier) => new(tier, rows[(int)tier], correct[(int)tier]);

    public AcceptedQuality AtLeast(MatchTier tier)
    {
        var accepted = 0;
        var right = 0;
        for (var t = (int)tier; t <= (int)MatchTier.Exact; t++)
        {
            accepted += rows[t];
            right += correct[t];
        }

        return new AcceptedQuality(tier, accepted, right, Positives);
    }
}
