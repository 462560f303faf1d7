namespace DisclosurePortal.Core.Matching;

/// <summary>
/// An inverted index from 64-bit term keys to the entries that have the term, stored flat (one offsets array and
/// one postings array) so a million entries cost a few ints each rather than a list object per term.
/// Read-only once built, so any number of threads may search it.
/// </summary>
internal sealed class TermIndex
{
    private readonly Dictionary<ulong, int> terms;
    private readonly int[] starts;
    private readonly int[] postings;

    public TermIndex(Dictionary<ulong, int> terms, int[] starts, int[] postings)
    {
        this.terms = terms;
        this.starts = starts;
        this.postings = postings;
    }

    public int TermCount => terms.Count;

    public long PostingCount => postings.Length;

    /// <summary>The entries with the term, in the order they were added (ascending entry numbers).</summary>
    public ReadOnlySpan<int> Find(ulong key) =>
        terms.TryGetValue(key, out var term) ? postings.AsSpan(starts[term], starts[term + 1] - starts[term]) : [];

    public int Frequency(ulong key) => terms.TryGetValue(key, out var term) ? starts[term + 1] - starts[term] : 0;
}

/// <summary>Collects (term, entry) pairs in entry order, then lays them out as a <see cref="TermIndex"/>.</summary>
internal sealed class TermIndexBuilder
{
    private readonly Dictionary<ulong, int> terms = [];
    private readonly List<int> counts = [];
    private readonly List<int> lastEntry = [];
    private readonly List<int> termOf = [];
    private readonly List<int> entryOf = [];

    /// <summary>Adds the term to <paramref name="entry"/>; entries must come in ascending order, repeats are ignored.</summary>
    public void Add(ulong key, int entry)
    {
        if (!terms.TryGetValue(key, out var term))
        {
            term = terms.Count;
            terms.Add(key, term);
            counts.Add(0);
            lastEntry.Add(-1);
        }

        if (lastEntry[term] == entry)
        {
            return;
        }

        lastEntry[term] = entry;
        counts[term]++;
        termOf.Add(term);
        entryOf.Add(entry);
    }

    public TermIndex Build()
    {
        // A counting sort by term keeps each term's entries in the order they came.
        var starts = new int[terms.Count + 1];
        for (var t = 0; t < counts.Count; t++)
        {
            starts[t + 1] = starts[t] + counts[t];
        }

        var next = starts[..^1];
        var postings = new int[termOf.Count];
        for (var i = 0; i < termOf.Count; i++)
        {
            postings[next[termOf[i]]++] = entryOf[i];
        }

        terms.TrimExcess();
        return new TermIndex(terms, starts, postings);
    }
}

/// <summary>64-bit keys for terms: FNV-1a over characters, and a mixer to combine parts into one key.</summary>
internal static class TermKey
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>The hash of <paramref name="text"/> with the character at <paramref name="skip"/> left out (−1: none).</summary>
    public static ulong Hash(ReadOnlySpan<char> text, int skip = -1)
    {
        var hash = Offset;
        for (var i = 0; i < text.Length; i++)
        {
            if (i != skip)
            {
                hash = (hash ^ text[i]) * Prime;
            }
        }

        return hash;
    }

    /// <summary>A key for <paramref name="value"/> tagged with <paramref name="tag"/> (top four bits), well mixed.</summary>
    public static ulong Tagged(int tag, ulong value)
    {
        var z = value + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return ((ulong)tag << 60) | (z >> 4);
    }

    public static ulong Pair(int tag, int first, int second) => Tagged(tag, ((ulong)(uint)first << 32) | (uint)second);
}
