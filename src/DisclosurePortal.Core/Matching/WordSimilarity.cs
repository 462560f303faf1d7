namespace DisclosurePortal.Core.Matching;

/// <summary>Similarities of word lists, tolerant of typos within words (see <see cref="EditDistance.WordSimilarity"/>).</summary>
internal static class WordSimilarity
{
    private const int MaxWords = 64;

    /// <summary>Token-set similarity: 2·(sum of best one-to-one word matches) / (|a| + |b|), order ignored.</summary>
    public static double Set(string[] a, string[] b) =>
        a.Length == 0 || b.Length == 0 ? 0 : 2 * Matched(a, b) / (a.Length + b.Length);

    /// <summary>How much of <paramref name="part"/> is found in <paramref name="whole"/> (1 when every word is).</summary>
    public static double Containment(ReadOnlySpan<string> part, string[] whole) =>
        part.Length == 0 || whole.Length == 0 ? 0 : Matched(part, whole) / part.Length;

    /// <summary>True when both lists hold the same words in the same order.</summary>
    public static bool Equal(string[] a, string[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!ReferenceEquals(a[i], b[i]) && a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }

    private static double Matched(ReadOnlySpan<string> a, ReadOnlySpan<string> b)
    {
        a = a.Length > MaxWords ? a[..MaxWords] : a;
        b = b.Length > MaxWords ? b[..MaxWords] : b;
        Span<bool> used = stackalloc bool[b.Length];
        var sum = 0.0;

        // Exact words first, so a typo never takes the partner an exact word needs.
        Span<bool> done = stackalloc bool[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < b.Length; j++)
            {
                if (!used[j] && (ReferenceEquals(a[i], b[j]) || a[i] == b[j]))
                {
                    used[j] = true;
                    done[i] = true;
                    sum += 1;
                    break;
                }
            }
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (done[i])
            {
                continue;
            }

            var best = 0.0;
            var bestJ = -1;
            for (var j = 0; j < b.Length; j++)
            {
                if (!used[j] && EditDistance.WordSimilarity(a[i], b[j]) is var s && s > best)
                {
                    best = s;
                    bestJ = j;
                }
            }

            if (bestJ >= 0)
            {
                used[bestJ] = true;
                sum += best;
            }
        }

        return sum;
    }
}
