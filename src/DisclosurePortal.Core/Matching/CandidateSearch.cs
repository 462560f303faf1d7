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

    /// <summary>Adds to <paramref name="into"/> the positions of the best <see cref="MatchOptions.Pool"/> entries by summed term weight.</summary>
    public void Find(EntrySet set, PreparedWork work, SearchScratch scratch, List<int> into)
    {
        if (set.Count == 0)
        {
            return;
        }

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

        AddWords(work.Artist, scratch, words, null);

        var terms = scratch.Terms;
        terms.Clear();
        foreach (var (word, weight) in words)
        {
            AddTerm(set, terms, Term.Word(Term.TitleWord, word), weight);
            AddTerm(set, terms, Term.Word(Term.ArtistWord, word), weight);
            foreach (var (other, otherWeight) in words)
            {
                if (other != word)
                {
                    AddTerm(set, terms, TermKey.Pair(Term.TitleArtistPair, word, other), weight * otherWeight);
                }
            }
        }

        for (var i = 1; i < title.Count; i++)
        {
            AddTerm(set, terms, TermKey.Pair(Term.TitleBigram, title[i - 1], title[i]), 1);
        }

        terms.Sort((a, b) => a.Frequency.CompareTo(b.Frequency));
        var accumulator = scratch.Accumulator(set.Count);
        var touched = scratch.Touched;
        touched.Clear();
        var spent = 0;
        foreach (var (key, frequency, weight) in terms)
        {
            if (spent > options.PostingBudget && touched.Count > 0)
            {
                break;
            }

            var idf = (float)(weight * Math.Log(1 + ((double)set.Count / frequency)));
            foreach (var position in set.Terms.Find(key))
            {
                if (accumulator[position] == 0)
                {
                    touched.Add(position);
                }

                accumulator[position] += idf;
            }

            spent += frequency;
        }

        TakeBest(accumulator, touched, options.Pool, into);
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

    // A bounded min-heap keeps the best `pool` entries; the accumulator is cleared on the way for the next row.
    private static void TakeBest(float[] accumulator, List<int> touched, int pool, List<int> into)
    {
        var heap = new PriorityQueue<int, float>(pool + 1);
        foreach (var position in touched)
        {
            var value = accumulator[position];
            accumulator[position] = 0;
            if (heap.Count < pool)
            {
                heap.Enqueue(position, value);
            }
            else if (heap.TryPeek(out _, out var smallest) && value > smallest)
            {
                heap.EnqueueDequeue(position, value);
            }
        }

        while (heap.TryDequeue(out var position, out _))
        {
            into.Add(position);
        }

        into.Reverse();
    }
}

/// <summary>Per-thread working memory for a search (a score per entry, cleared after each row), pooled by the index.</summary>
internal sealed class SearchScratch
{
    private float[] accumulator = [];

    public List<(int Word, double Weight)> Words { get; } = [];

    public List<int> TitleWords { get; } = [];

    public List<int> Close { get; } = [];

    public List<(ulong Key, int Frequency, double Weight)> Terms { get; } = [];

    public List<int> Touched { get; } = [];

    public List<int> Found { get; } = [];

    public float[] Accumulator(int size)
    {
        if (accumulator.Length < size)
        {
            accumulator = new float[size];
        }

        return accumulator;
    }
}
