namespace DisclosurePortal.Core.Matching;

/// <summary>
/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, the commonest typo), on
/// words: short inputs, so a stack buffer and an early exit past the largest distance of interest.
/// </summary>
internal static class EditDistance
{
    private const int MaxWord = 64;

    /// <summary>The distance, or <paramref name="max"/> + 1 once it is certainly larger than <paramref name="max"/>.</summary>
    public static int Osa(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        if (a.SequenceEqual(b))
        {
            return 0;
        }

        if (a.Length > MaxWord || b.Length > MaxWord)
        {
            return max + 1;
        }

        var width = b.Length + 1;
        Span<int> before = stackalloc int[width];
        Span<int> previous = stackalloc int[width];
        Span<int> current = stackalloc int[width];
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, before[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }

        return Math.Min(previous[b.Length], max + 1);
    }

    /// <summary>1 for equal words, falling with each edit relative to the longer word's length; 0 beyond two edits.</summary>
    public static double WordSimilarity(string a, string b)
    {
        if (ReferenceEquals(a, b) || a == b)
        {
            return 1;
        }

        // Short words and numbers must be equal: "2" against "3" is not a typo.
        if (Math.Min(a.Length, b.Length) < WordVocabulary.MinListedFuzzyLength || Math.Max(a.Length, b.Length) < WordVocabulary.MinFuzzyLength
            || char.IsAsciiDigit(a[0]) || char.IsAsciiDigit(b[0]))
        {
            return 0;
        }

        // Two edits change at most four letters of the set of letters used: most unrelated words stop here.
        if (Math.Abs(a.Length - b.Length) > 2 || System.Numerics.BitOperations.PopCount(LetterSet(a) ^ LetterSet(b)) > 4)
        {
            return 0;
        }

        var distance = Osa(a, b, 2);
        return distance > 2 ? 0 : 1 - ((double)distance / Math.Max(a.Length, b.Length));
    }

    /// <summary>Which of 64 letter classes the word uses (a–z, digits, the rest folded), as bits.</summary>
    public static ulong LetterSet(ReadOnlySpan<char> word)
    {
        ulong set = 0;
        foreach (var c in word)
        {
            set |= 1UL << (c % 64);
        }

        return set;
    }
}
