namespace DisclosurePortal.Core.Matching;

/// <summary>Terms an entry is found by; the tag is the top four bits of a <see cref="TermKey"/>.</summary>
internal static class Term
{
    public const int TitleWord = 1, ArtistWord = 2, TitleArtistPair = 3, TitleBigram = 4, Identifier = 5, Composition = 6, Release = 7,
        WholeTitle = 8, WholeTitleArtist = 9;

    /// <summary>A number for the whole title's word sequence (its words' numbers folded in order); 0 when a word is unknown.</summary>
    public static ulong TitleSequence(ReadOnlySpan<int> words)
    {
        ulong hash = 14695981039346656037UL;
        foreach (var word in words)
        {
            if (word < 0)
            {
                return 0;
            }

            hash = (hash ^ (uint)word) * 1099511628211UL;
        }

        return words.IsEmpty ? 0 : hash;
    }

    public static ulong WholeTitleWith(ulong sequence, int artistWord) => TermKey.Tagged(WholeTitleArtist, sequence ^ ((ulong)(uint)artistWord * 0x9E3779B97F4A7C15UL));

    public static ulong Word(int tag, int word) => TermKey.Tagged(tag, (ulong)(uint)word);

    public static ulong Code(long code) => TermKey.Tagged(Identifier, (ulong)code);

    public static ulong Link(int tag, int position) => TermKey.Tagged(tag, (ulong)(uint)position);
}

/// <summary>The entries of one kind (recordings, compositions or releases) and the inverted index over them.</summary>
internal sealed class EntrySet(IndexedEntry[] entries, TermIndex terms)
{
    public static readonly EntrySet Empty = new([], new TermIndexBuilder().Build());

    public IndexedEntry[] Entries { get; } = entries;

    public TermIndex Terms { get; } = terms;

    public int Count => Entries.Length;
}

/// <summary>Adds entries one by one (streamed), indexing each under its words, word pairs, identifier and links.</summary>
internal sealed class EntrySetBuilder(WordVocabulary vocabulary)
{
    private readonly List<IndexedEntry> entries = [];
    private readonly TermIndexBuilder terms = new();

    public int Count => entries.Count;

    public string[] Intern(string[] words) => vocabulary.InternList(words);

    public void Add(IndexedEntry entry)
    {
        var position = entries.Count;
        entries.Add(entry);
        var title = entry.Title.Words;
        Span<int> titleIds = stackalloc int[Math.Min(title.Length, 16)];
        for (var i = 0; i < titleIds.Length; i++)
        {
            titleIds[i] = vocabulary.Find(title[i]);
            terms.Add(Term.Word(Term.TitleWord, titleIds[i]), position);
            if (i > 0)
            {
                terms.Add(TermKey.Pair(Term.TitleBigram, titleIds[i - 1], titleIds[i]), position);
            }
        }

        // The whole title, alone and with each artist word: the rarest terms, read first by the search.
        var sequence = title.Length <= 16 ? Term.TitleSequence(titleIds) : 0;
        if (sequence != 0)
        {
            terms.Add(TermKey.Tagged(Term.WholeTitle, sequence), position);
        }

        foreach (var word in entry.Artist.AsSpan(0, Math.Min(entry.Artist.Length, 16)))
        {
            var artistId = vocabulary.Find(word);
            terms.Add(Term.Word(Term.ArtistWord, artistId), position);
            if (sequence != 0)
            {
                terms.Add(Term.WholeTitleWith(sequence, artistId), position);
            }

            foreach (var titleId in titleIds)
            {
                terms.Add(TermKey.Pair(Term.TitleArtistPair, titleId, artistId), position);
            }
        }

        if (entry.Code != 0)
        {
            terms.Add(Term.Code(entry.Code), position);
        }

        if (entry.Composition >= 0)
        {
            terms.Add(Term.Link(Term.Composition, entry.Composition), position);
        }

        if (entry.Release >= 0)
        {
            terms.Add(Term.Link(Term.Release, entry.Release), position);
        }
    }

    public EntrySet Build() => new(entries.ToArray(), terms.Build());
}
