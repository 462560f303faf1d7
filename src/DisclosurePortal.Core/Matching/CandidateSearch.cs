namespace DisclosurePortal.Core.Matching;

/// <summary>
/// Finds the entries worth scoring for a row without comparing it with every entry: the row's words (all of
/// its text, so an artist inside the title still counts) become terms — single words, every pair of words
/// read as (title word, artist word), adjacent title words — each weighted by its rarity (IDF). Terms are read
/// rarest first until a budget of postings is spent, so common words cost nothing once rare ones have spoken.
/// A misspelled word is replaced by the catalog words one edit away.
/// </summary>
internal sealed class CandidateSearch(WordVocabulary vocabulary, MatchOptions options)
{
    private const int MaxWords = 12;

    // Below this, reading a posting list costs less than deciding whether it needs reading.
    private const int LongPostings = 256;

    /// <summary>Adds to <paramref name="into"/> the positions of the best <see cref="MatchOptions.Pool"/> entries by summed term weight.</summary>
    public void Find(EntrySet set, PreparedWork work, SearchScratch scratch, List<int> into)
    {
        if (set.Count == 0)
        {
            return;
        }

        // The row's words: its title's (and of other readings), then its credits'. Pairs are read as
        // (title word, artist word) either way round; with no artist column, any two title words may be that pair.
        var words = scratch.Words;
        var title = scratch.TitleWords;
        words.Clear();
        title.Clear();
        AddWords(work.Title.Words, scratch, words, title);
        foreach (var (readingTitle, readingArtist) in work.Readings)
        {
            AddWords(readingTitle.Words, scratch, words, null);
            AddWords(readingArtist, scratch, words, null);
        }

        var titleSide = words.Count;
        AddWords(work.Artist, scratch, words, null);
        var shifted = titleSide == words.Count;

        var terms = scratch.Terms;
        terms.Clear();
        for (var i = 0; i < words.Count; i++)
        {
            var (word, weight) = words[i];
            AddTerm(set, terms, Term.Word(Term.TitleWord, word), weight);
            AddTerm(set, terms, Term.Word(Term.ArtistWord, word), weight);
            for (var j = shifted ? 0 : titleSide; j < words.Count; j++)
            {
                if (i == j || (!shifted && i >= titleSide))
                {
                    continue;
                }

                var (other, otherWeight) = words[j];
                AddTerm(set, terms, TermKey.Pair(Term.TitleArtistPair, word, other), weight * otherWeight);
                if (!shifted)
                {
                    AddTerm(set, terms, TermKey.Pair(Term.TitleArtistPair, other, word), 0.5 * weight * otherWeight);
                }
            }
        }

        for (var i = 1; i < title.Count; i++)
        {
            AddTerm(set, terms, TermKey.Pair(Term.TitleBigram, title[i - 1], title[i]), 1);
        }

        AddWholeTitle(set, work.Title.Words, work.Artist, terms);
        foreach (var (readingTitle, readingArtist) in work.Readings)
        {
            AddWholeTitle(set, readingTitle.Words, readingArtist, terms);
        }

        terms.Sort((a, b) => a.Frequency.CompareTo(b.Frequency));

        // Terms are read rarest first until the budget is spent; the last one read may be long.
        var read = 0;
        for (var spent = 0; read < terms.Count && (read == 0 || spent <= options.PostingBudget); read++)
        {
            spent += terms[read].Frequency;
        }

        var idf = scratch.Idf;
        idf.Clear();
        for (var i = 0; i < read; i++)
        {
            idf.Add((float)(terms[i].Weight * Math.Log(1 + ((double)set.Count / terms[i].Frequency))));
        }

        var accumulator = scratch.Accumulator;
        accumulator.Clear();
        var onlyGain = false;
        var remaining = idf.Sum();
        for (var i = 0; i < read; i++)
        {
            var postings = set.Terms.Find(terms[i].Key);

            // Once the pool's lightest entry outweighs all the terms left, an entry not met yet cannot enter the
            // pool: the long posting lists of common words then only add to the entries already found.
            onlyGain = onlyGain || accumulator.IsFull || (postings.Length > LongPostings && accumulator.Lightest(options.Pool) > remaining);
            if (onlyGain)
            {
                accumulator.Gain(postings, idf[i]);
            }
            else
            {
                foreach (var position in postings)
                {
                    if (!accumulator.Add(position, idf[i]) && i == 0)
                    {
                        break; // a full table: the rest of the first term's entries could only be new ones
                    }
                }
            }

            remaining -= idf[i];
        }

        accumulator.TakeBest(options.Pool, into);
    }

    private void AddWords(string[] source, SearchScratch scratch, List<(int Word, double Weight)> words, List<int>? title)
    {
        foreach (var word in source)
        {
            if (words.Count >= MaxWords)
            {
                return;
            }

            var id = vocabulary.Find(word);
            if (id >= 0)
            {
                Add(words, id, 1);
                title?.Add(id);
                continue;
            }

            vocabulary.FindClose(word, scratch.Close, limit: 2);
            foreach (var close in scratch.Close)
            {
                Add(words, close, 0.8);
                title?.Add(close);
            }
        }
    }

    // The title exactly as the catalog spells it, alone and with each credited word.
    private void AddWholeTitle(EntrySet set, string[] titleWords, string[] artist, List<(ulong Key, int Frequency, double Weight)> terms)
    {
        if (titleWords.Length == 0 || titleWords.Length > 16)
        {
            return;
        }

        Span<int> ids = stackalloc int[titleWords.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = vocabulary.Find(titleWords[i]);
        }

        var sequence = Term.TitleSequence(ids);
        if (sequence == 0)
        {
            return;
        }

        AddTerm(set, terms, TermKey.Tagged(Term.WholeTitle, sequence), 1);
        foreach (var word in artist)
        {
            if (vocabulary.Find(word) is var id and >= 0)
            {
                AddTerm(set, terms, Term.WholeTitleWith(sequence, id), 2);
            }
        }
    }

    private static void Add(List<(int Word, double Weight)> words, int id, double weight)
    {
        foreach (var (word, _) in words)
        {
            if (word == id)
            {
                return;
            }
        }

        words.Add((id, weight));
    }

    private static void AddTerm(EntrySet set, List<(ulong Key, int Frequency, double Weight)> terms, ulong key, double weight)
    {
        var frequency = set.Terms.Frequency(key);
        if (frequency > 0)
        {
            terms.Add((key, frequency, weight));
        }
    }

}

/// <summary>Per-thread working memory for a search (a score per entry, cleared after each row), pooled by the index.</summary>
internal sealed class SearchScratch
{
    public List<(int Word, double Weight)> Words { get; } = [];

    public List<int> TitleWords { get; } = [];

    public List<int> Close { get; } = [];

    public List<(ulong Key, int Frequency, double Weight)> Terms { get; } = [];

    public List<int> Found { get; } = [];

    public List<float> Idf { get; } = [];

    public WeightTable Accumulator { get; } = new();

    public SimilarityMemo Memo { get; } = new();
}

/// <summary>
/// Summed term weights per entry for one row: a small open-addressing table rather than an array as long as the
/// catalog, because a row touches a few thousand entries and a small table stays in the processor's cache.
/// </summary>
internal sealed class WeightTable
{
    private const int Capacity = 1 << 13;
    private const int Full = Capacity / 2;

    private readonly int[] keys = new int[Capacity];
    private readonly float[] weights = new float[Capacity];
    private readonly List<int> used = [];
    private readonly PriorityQueue<int, float> heap = new();

    public WeightTable() => Array.Fill(keys, -1);

    public int Count => used.Count;

    public void Clear()
    {
        foreach (var slot in used)
        {
            keys[slot] = -1;
            weights[slot] = 0;
        }

        used.Clear();
    }

    public bool IsFull => used.Count >= Full;

    /// <summary>Adds to an entry's weight; once the table is half full, only entries already in it gain (false for others).</summary>
    public bool Add(int position, float weight)
    {
        var slot = SlotOf(position);
        if (keys[slot] == -1)
        {
            if (used.Count >= Full)
            {
                return false;
            }

            keys[slot] = position;
            used.Add(slot);
        }

        weights[slot] += weight;
        return true;
    }

    /// <summary>Adds to the weight of the entries already in the table that are among <paramref name="postings"/> (ascending).</summary>
    public void Gain(ReadOnlySpan<int> postings, float weight)
    {
        // Looking each entry up in the postings costs |table|·log|postings|; walking the postings costs |postings|.
        if (used.Count * (System.Numerics.BitOperations.Log2((uint)postings.Length) + 1) < postings.Length)
        {
            foreach (var slot in used)
            {
                if (postings.BinarySearch(keys[slot]) >= 0)
                {
                    weights[slot] += weight;
                }
            }

            return;
        }

        foreach (var position in postings)
        {
            var slot = SlotOf(position);
            if (keys[slot] == position)
            {
                weights[slot] += weight;
            }
        }
    }

    /// <summary>The weight of the <paramref name="pool"/>-th heaviest entry (0 when there are fewer).</summary>
    public float Lightest(int pool) => used.Count < pool ? 0 : Heaviest(pool);

    // The entry's slot, or the empty slot where it would go.
    private int SlotOf(int position)
    {
        var slot = (int)((uint)(position * -1640531527) >> 19);
        while (keys[slot] != -1 && keys[slot] != position)
        {
            slot = (slot + 1) & (Capacity - 1);
        }

        return slot;
    }

    /// <summary>The <paramref name="pool"/> heaviest entries, heaviest first.</summary>
    public void TakeBest(int pool, List<int> into)
    {
        Heaviest(pool);
        var start = into.Count;
        while (heap.TryDequeue(out var position, out _))
        {
            into.Add(position);
        }

        into.Reverse(start, into.Count - start);
    }

    // Leaves the heaviest entries in the heap, lightest on top, and returns the lightest one's weight.
    private float Heaviest(int pool)
    {
        heap.Clear();
        foreach (var slot in used)
        {
            var weight = weights[slot];
            if (heap.Count < pool)
            {
                heap.Enqueue(keys[slot], weight);
            }
            else if (heap.TryPeek(out _, out var lightest) && weight > lightest)
            {
                heap.EnqueueDequeue(keys[slot], weight);
            }
        }

        return heap.TryPeek(out _, out var least) ? least : 0;
    }
}
