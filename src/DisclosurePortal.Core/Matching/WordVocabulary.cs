namespace DisclosurePortal.Core.Matching;

/// <summary>
/// Every distinct word of the catalog, numbered, each stored once (entries share the instances), with a
/// deletion neighbourhood for typo-tolerant look-up: a word and all its one-letter deletions point to it, so a
/// listed word one edit away (a letter dropped, doubled, swapped or replaced) finds the catalog word with a few
/// hash look-ups instead of a scan. Read-only after <see cref="Freeze"/>.
/// </summary>
internal sealed class WordVocabulary
{
    /// <summary>Shorter catalog words are only found when spelled right: one edit changes them too much.</summary>
    public const int MinFuzzyLength = 4;

    /// <summary>A listed word this long may be a catalog word with a letter dropped ("Wld" for "Wild").</summary>
    public const int MinListedFuzzyLength = 3;

    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly List<string> words = [];
    private Dictionary<string[], string[]>? lists = new(WordListComparer.Instance);
    private TermIndex? neighbourhood;

    public int Count => words.Count;

    public string this[int id] => words[id];

    /// <summary>The shared instance and number of <paramref name="word"/>, adding it when new (build time only).</summary>
    public int Intern(ref string word)
    {
        if (ids.TryGetValue(word, out var id))
        {
            word = words[id];
            return id;
        }

        if (neighbourhood is not null)
        {
            throw new InvalidOperationException("The vocabulary is frozen.");
        }

        id = words.Count;
        ids.Add(word, id);
        words.Add(word);
        return id;
    }

    /// <summary>
    /// The shared instance of a word list (a title's, a credit's, an album's), its words interned first: a catalog
    /// repeats them (every track of an album, every recording of an artist), so each is stored once, and the scorer
    /// can remember a comparison with a list by reference.
    /// </summary>
    public string[] InternList(string[] list)
    {
        for (var i = 0; i < list.Length; i++)
        {
            Intern(ref list[i]);
        }

        if (list.Length == 0)
        {
            return [];
        }

        var shared = lists ?? throw new InvalidOperationException("The vocabulary is frozen.");
        if (shared.TryGetValue(list, out var existing))
        {
            return existing;
        }

        shared.Add(list, list);
        return list;
    }

    public void Freeze()
    {
        lists = null;
        var builder = new TermIndexBuilder();
        for (var id = 0; id < words.Count; id++)
        {
            var word = words[id];
            if (word.Length < MinFuzzyLength)
            {
                continue;
            }

            builder.Add(TermKey.Hash(word), id);
            for (var skip = 0; skip < word.Length; skip++)
            {
                builder.Add(TermKey.Hash(word, skip), id);
            }
        }

        neighbourhood = builder.Build();
        ids.TrimExcess();
        words.TrimExcess();
    }

    /// <summary>The number of the word spelled exactly so, or −1.</summary>
    public int Find(string word) => ids.TryGetValue(word, out var id) ? id : -1;

    /// <summary>Catalog words within one edit of <paramref name="word"/> (two for long words), closest first, at most <paramref name="limit"/>.</summary>
    public void FindClose(string word, List<int> into, int limit = 3)
    {
        into.Clear();
        if (neighbourhood is null || word.Length < MinListedFuzzyLength)
        {
            return;
        }

        Span<(int Id, int Distance)> found = stackalloc (int, int)[8];
        var count = 0;
        var maxDistance = word.Length >= 8 ? 2 : 1;
        var letters = EditDistance.LetterSet(word);
        for (var skip = -1; skip < word.Length; skip++)
        {
            foreach (var id in neighbourhood.Find(TermKey.Hash(word, skip)))
            {
                if (System.Numerics.BitOperations.PopCount(letters ^ EditDistance.LetterSet(words[id])) > 2 * maxDistance)
                {
                    continue;
                }

                var distance = EditDistance.Osa(word, words[id], maxDistance);
                if (distance > maxDistance || Contains(found[..count], id))
                {
                    continue;
                }

                if (count < found.Length)
                {
                    found[count++] = (id, distance);
                }
            }
        }

        found[..count].Sort((a, b) => a.Distance.CompareTo(b.Distance));
        for (var i = 0; i < count && into.Count < limit; i++)
        {
            into.Add(found[i].Id);
        }
    }

    private static bool Contains(ReadOnlySpan<(int Id, int Distance)> found, int id)
    {
        foreach (var f in found)
        {
            if (f.Id == id)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Word lists equal when they hold the same words in the same order.</summary>
internal sealed class WordListComparer : IEqualityComparer<string[]>
{
    public static readonly WordListComparer Instance = new();

    public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && WordSimilarity.Equal(x, y);

    public int GetHashCode(string[] obj)
    {
        var hash = new HashCode();
        foreach (var word in obj)
        {
            hash.Add(word, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
