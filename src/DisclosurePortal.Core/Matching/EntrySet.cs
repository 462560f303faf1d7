namespace DisclosurePortal.Core.Matching;

/// <summary>Terms an entry is found by; the tag is the top four bits of a <see cref="TermKey"/>.</summary>
internal static class Term
{
    public const int TitleWord = 1, ArtistWord = 2, TitleArtistPair = 3, TitleBigram = 4, Identifier = 5, Composition = 6, Release = 7;

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

    public string[] Intern(string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            vocabulary.Intern(ref words[i]);
        }

        return words;
    }

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

        foreach (var word in entry.Artist.AsSpan(0, Math.Min(entry.Artist.Length, 16)))
        {
            var artistId = vocabulary.Find(word);
            terms.Add(Term.Word(Term.ArtistWord, artistId), position);
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
