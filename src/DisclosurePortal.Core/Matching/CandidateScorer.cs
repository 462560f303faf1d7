using System.Globalization;
using DisclosurePortal.Core.Catalog;

namespace DisclosurePortal.Core.Matching;

/// <summary>How one candidate compares with a listed work.</summary>
/// <param name="IdentifierEqual">The row's identifier of the entry's kind is the entry's, and title or artist agree.</param>
/// <param name="Corroborated">Artist, album, duration or an identifier supports the match, not the title alone.</param>
/// <param name="Distrusted">The row's identifier is the entry's but title and artist both disagree.</param>
/// <param name="Evidence">The score's log-odds, where differences between candidates are compared.</param>
/// <param name="NamesEqual">Title and artist are both equal after normalising.</param>
internal readonly record struct Scored(double Score, double Evidence, bool IdentifierEqual, bool Corroborated, bool Vetoed, bool Distrusted, bool NamesEqual = false);

/// <summary>
/// Scores a catalog entry against a listed work: each field adds evidence for or against (log-odds), turned into
/// a score in [0, 1]. Words are compared as typo-tolerant token sets; durations by their difference (more than
/// ~10 s counts strongly against); numbers in titles veto ("Part 2" is not "Part 3"); version qualifiers are a
/// signal, not part of the title. Reasons are written only when asked for, since most candidates are discarded.
/// </summary>
internal static class CandidateScorer
{
    private const double Bias = -1.0;

    // What a title that opens the other one counts as, against 1 for an equal title.
    private const double LeadingTitle = 0.9;

    // A title number veto leaves at most a score of 0.2: below every tier's default threshold.
    private static readonly double VetoedEvidence = Math.Log(0.2 / 0.8);

    public static Scored Score(PreparedWork work, IndexedEntry entry, long linkedIswc, long linkedUpc, List<string>? reasons, SimilarityMemo? memo = null)
    {
        var z = Bias;
        var (title, artist, artistNote, reading) = BestReading(work, entry, memo);

        // Title.
        var titleSimilarity = 0.0;
        var vetoed = false;
        if (!reading.IsEmpty && !entry.Title.IsEmpty)
        {
            // Brackets lost ("Wild Live in Tokyo"): the version words may be inside the listed title itself.
            titleSimilarity = title;
            var withVersions = title < 0.999 && VersionWordsMayHelp(reading, entry.Title, title) ? FullTitleSimilarity(reading, entry.Title) : 0;
            var versionsInTitle = withVersions > title + 0.05;
            titleSimilarity = Math.Max(title, withVersions);

            // Columns run together ("Cowboy Boots Rap & Hip-Hop 2014 …"): one title opens the other, and the same
            // artist at the same length says the words after it belong to other fields.
            var leads = titleSimilarity < LeadingTitle && artist >= 0.999 && SameLength(work, entry, 2) && OneTitleLeads(reading.Words, entry.Title.Words);
            titleSimilarity = leads ? LeadingTitle : titleSimilarity;
            z += 7 * (titleSimilarity - 0.75);
            reasons?.Add(leads ? "title opens with the other title, the words after it look like other fields"
                : versionsInTitle ? $"title with its version words {(withVersions >= 0.999 ? "equal" : "similar " + Format(withVersions))}" : TitleReason(reading, entry, titleSimilarity));
            if (NumbersDiffer(reading, entry.Title) is { } numbers)
            {
                vetoed = true;
                reasons?.Add(numbers);
            }

            var version = versionsInTitle ? 0 : Version(reading, entry.Title, SameLength(work, entry, 1), reasons);

            // A long title equal word for word, in the same version, is seldom a coincidence, unlike "Intro" or "Home".
            z += version + (titleSimilarity >= 0.999 && version >= 0 ? Math.Min(0.9, 0.15 * Math.Max(0, reading.Words.Length - 4)) : 0);
        }
        else if (reading.IsEmpty)
        {
            z -= 1;
            reasons?.Add("no title listed");
        }

        // Credits: a missing artist is no evidence either way, but then something else must corroborate.
        if (artist >= 0)
        {
            z += 5 * (artist - 0.6);
            reasons?.Add(artistNote ?? ArtistReason(artist));
        }

        // Identifiers. Only valid ones reach here; an equal one is near-decisive unless title and artist both
        // disagree (a valid code that belongs to another work), a different one counts against.
        // A different artist leaves the code trusted only with a title that is clearly the same (base words, not version words).
        var contradicted = !reading.IsEmpty && (title < 0.5 || (artist is >= 0 and < 0.6 && title < 0.8));
        var identifierReasons = 0;
        var identifierEqual = false;
        var distrusted = false;
        if (work.Isrc != 0 && entry.Kind == CatalogKind.Recordings)
        {
            var equal = work.Isrc == entry.Code;
            identifierEqual = equal && !contradicted;
            distrusted |= equal && contradicted;
            z += identifierEqual ? 6 : equal ? 0 : -1;
            reasons?.Insert(identifierReasons++, identifierEqual ? "ISRC equal" : equal ? "ISRC equal but title and artist differ — not trusted" : "ISRC differs");
        }

        var iswc = entry.Kind == CatalogKind.Compositions ? entry.Code : linkedIswc;
        if (work.Iswc != 0 && iswc != 0)
        {
            var equal = work.Iswc == iswc && !contradicted;
            identifierEqual |= equal && entry.Kind == CatalogKind.Compositions;
            z += equal ? 2.5 : -1;
            reasons?.Insert(identifierReasons++, equal ? entry.Kind == CatalogKind.Compositions ? "ISWC equal" : "ISWC equal (its work)" : "ISWC differs");
        }

        var upc = entry.Kind == CatalogKind.Releases ? entry.Code : linkedUpc;
        if (work.Upc != 0 && upc != 0)
        {
            var equal = work.Upc == upc && !contradicted;
            identifierEqual |= equal && entry.Kind == CatalogKind.Releases;
            z += equal ? 2.5 : -0.5;
            reasons?.Insert(identifierReasons++, equal ? entry.Kind == CatalogKind.Releases ? "UPC/EAN equal" : "UPC/EAN equal (its release)" : "UPC/EAN differs");
        }

        var corroborated = artist >= 0.6;
        if (work.Album.Length > 0 && entry.Album.Length > 0)
        {
            var album = WordSimilarity.Equal(work.Album, entry.Album) ? 1 : WordSimilarity.Set(work.Album, entry.Album);
            z += album >= 0.99 ? 1.2 : 1.5 * (album - 0.5);
            corroborated |= album >= 0.9;
            reasons?.Add(album >= 0.99 ? "album equal" : $"album {Format(album)}");
        }

        if (work.Duration > 0 && entry.Duration > 0)
        {
            var delta = Math.Abs(work.Duration - entry.Duration);
            z += delta switch { <= 2 => 1.2, <= 5 => 0.4, <= 10 => -0.6, <= 40 => -1.5, _ => -3 };
            corroborated |= delta <= 3;
            reasons?.Add($"duration Δ {delta} s");
        }

        if (work.Year > 0 && entry.Year > 0)
        {
            var delta = Math.Abs(work.Year - entry.Year);
            z += delta switch { 0 => 0.6, 1 => 0.2, <= 3 => -0.2, _ => -0.6 };
            reasons?.Add(delta == 0 ? "year equal" : $"year Δ {delta}");
        }

        corroborated |= identifierEqual || (work.Iswc != 0 && work.Iswc == iswc) || (work.Upc != 0 && work.Upc == upc);
        if (vetoed)
        {
            z = Math.Min(z, VetoedEvidence);
        }

        var namesEqual = titleSimilarity >= 0.999 && artist >= 0.999 && !vetoed;
        return new Scored(1 / (1 + Math.Exp(-z)), z, identifierEqual, corroborated, vetoed, distrusted, namesEqual);
    }

    /// <summary>The reading of the row that fits the entry best: as listed, or with the title field split into artist and title.</summary>
    private static (double Title, double Artist, string? ArtistNote, TitleWords Reading) BestReading(PreparedWork work, IndexedEntry entry, SimilarityMemo? memo)
    {
        // Entries share their word lists, so a row's comparison with one list is remembered for the others.
        if (memo is null || !memo.TryGet(entry.Title.Words, 0, out var title))
        {
            title = TitleSimilarity(work.Title, entry.Title);
            memo?.Set(entry.Title.Words, 0, title);
        }

        double artist = -1;
        if (work.Artist.Length > 0 && entry.Artist.Length > 0 && (memo is null || !memo.TryGet(entry.Artist, entry.MainArtistWords + 1, out artist)))
        {
            artist = ArtistSimilarity(work.Artist, entry);
            memo?.Set(entry.Artist, entry.MainArtistWords + 1, artist);
        }

        string? note = null;
        var reading = work.Title;
        if (artist < 0 && entry.MainArtistWords > 0 && work.Title.Words.Length > entry.MainArtistWords)
        {
            // No artist column: the artist may sit inside the title ("Ada Rossi Midnight River").
            var main = entry.Artist[..entry.MainArtistWords];
            if (WordSimilarity.Containment(main, work.Title.Words) >= 0.99)
            {
                var rest = work.Title.Words.Where(w => !main.Contains(w)).ToArray();
                var restSimilarity = WordSimilarity.Set(rest, entry.Title.Words);
                if (restSimilarity > title)
                {
                    (title, artist, note) = (restSimilarity, 1.0, "artist found in the title");
                }
            }
        }

        foreach (var (readingTitle, readingArtist) in work.Readings)
        {
            var t = TitleSimilarity(readingTitle, entry.Title);
            var a = entry.Artist.Length > 0 ? ArtistSimilarity(readingArtist, entry) : 0;
            if (t + a > title + Math.Max(artist, 0) + 0.01)
            {
                (title, artist, note, reading) = (t, a, $"artist taken from the title ({ArtistReason(a)})", readingTitle);
            }
        }

        return (title, artist, note, reading);
    }

    // Most candidates differ only by version words the other side lacks; the bound (each added word matches at
    // most one word, and at most the shorter side's count) skips the costly comparison when it cannot beat the title.
    private static bool VersionWordsMayHelp(TitleWords listed, TitleWords entry, double title)
    {
        var added = listed.VersionWords.Length + entry.VersionWords.Length;
        if (added == 0)
        {
            return false;
        }

        var listedWords = listed.Words.Length + listed.VersionWords.Length;
        var entryWords = entry.Words.Length + entry.VersionWords.Length;
        var matched = (title * (listed.Words.Length + entry.Words.Length) / 2) + added;
        return 2 * Math.Min(matched, Math.Min(listedWords, entryWords)) / (listedWords + entryWords) > title;
    }

    private static double FullTitleSimilarity(TitleWords listed, TitleWords entry) =>
        WordSimilarity.Set([.. listed.Words, .. listed.VersionWords], [.. entry.Words, .. entry.VersionWords]);

    public static double TitleSimilarity(TitleWords listed, TitleWords entry) =>
        listed.IsEmpty || entry.IsEmpty ? 0 : WordSimilarity.Equal(listed.Words, entry.Words) ? 1 : WordSimilarity.Set(listed.Words, entry.Words);

    private static double ArtistSimilarity(string[] listed, IndexedEntry entry)
    {
        // The whole credit, or the main artist alone when the list dropped or added featured names.
        var all = WordSimilarity.Set(listed, entry.Artist);
        var main = entry.MainArtistWords == 0 ? 0 : WordSimilarity.Containment(entry.Artist.AsSpan(0, entry.MainArtistWords), listed);
        return Math.Max(all, main * (0.9 + (0.1 * all)));
    }

    private static string TitleReason(TitleWords listed, IndexedEntry entry, double similarity)
    {
        if (similarity < 0.999)
        {
            return $"title similar {Format(similarity)}";
        }

        var removed = new[] { listed.Qualifiers, entry.Title.Qualifiers }.Where(q => q is not null).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return removed.Count == 0 ? "title equal" : $"title equal after removing '{string.Join("', '", removed)}'";
    }

    private static string ArtistReason(double similarity) =>
        similarity >= 0.999 ? "artist equal" : similarity < 0.3 ? "artist differs" : $"artist token-set {Format(similarity)}";

    private static string? NumbersDiffer(TitleWords listed, TitleWords entry)
    {
        var differ = listed.Numbers.Length > 0 && entry.Numbers.Length > 0
            ? !listed.Numbers.Order().SequenceEqual(entry.Numbers.Order())
            : (listed.PartNumbered || entry.PartNumbered) && listed.Numbers.Length != entry.Numbers.Length;
        return differ ? $"numbers in the titles differ ({Numbers(listed)} / {Numbers(entry)})" : null;
    }

    private static string Numbers(TitleWords title) => title.Numbers.Length == 0 ? "none" : string.Join(" ", title.Numbers);

    /// <summary>Version qualifiers as evidence: the same version supports, a live take or remix on one side only counts against.</summary>
    private static double Version(TitleWords listed, TitleWords entry, bool sameLength, List<string>? reasons)
    {
        var (l, e) = (listed.Version, entry.Version);
        if (l == VersionKind.None && e == VersionKind.None)
        {
            return 0;
        }

        if (l != VersionKind.None && e != VersionKind.None)
        {
            var overlap = WordSimilarity.Set(listed.VersionWords, entry.VersionWords);
            if (overlap >= 0.99)
            {
                reasons?.Add($"version equal '{entry.Qualifiers}'");
                return 1;
            }

            if (l == e && overlap >= 0.4 && !NamesDiffer(listed, entry))
            {
                reasons?.Add($"version similar '{listed.Qualifiers}' / '{entry.Qualifiers}'");
                return 0.4;
            }

            reasons?.Add($"version differs '{listed.Qualifiers}' / '{entry.Qualifiers}'");
            return l == VersionKind.OtherRecording || e == VersionKind.OtherRecording ? -2 : -0.2;
        }

        if (l == VersionKind.OtherRecording)
        {
            // Lists drop version words far more often than they invent a live take or a remix; but another take
            // or mix is seldom the same length to the second, so then the entry more likely left its version out.
            reasons?.Add($"listed version '{listed.Qualifiers}' not in the catalog entry{(sameLength ? ", yet the same length" : "")}");
            return sameLength ? -1.5 : -3;
        }

        if (e == VersionKind.OtherRecording)
        {
            reasons?.Add($"catalog version '{entry.Qualifiers}' not listed");
            return -1.6;
        }

        reasons?.Add(l == VersionKind.None ? $"catalog version '{entry.Qualifiers}' not listed" : $"listed version '{listed.Qualifiers}' not in the catalog entry");
        return -0.4;
    }

    // Two remixes or live takes are alike only if what names them is: "Tim Mason Remix" is not "Dillon Francis Remix".
    private static bool NamesDiffer(TitleWords listed, TitleWords entry)
    {
        if (listed.Version != VersionKind.OtherRecording)
        {
            return false;
        }

        var (listedNames, entryNames) = (listed.NamingVersionWords, entry.NamingVersionWords);
        return listedNames.Length > 0 && entryNames.Length > 0 && WordSimilarity.Set(listedNames, entryNames) < 0.5;
    }

    private static bool SameLength(PreparedWork work, IndexedEntry entry, int seconds) =>
        work.Duration > 0 && entry.Duration > 0 && Math.Abs(work.Duration - entry.Duration) <= seconds;

    // Two words at least: a one-word title opening a longer one ("Love" / "Love Story") is too often another song.
    private static bool OneTitleLeads(string[] a, string[] b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= 2 && longer.Length > shorter.Length && longer.AsSpan(0, shorter.Length).SequenceEqual(shorter);
    }

    private static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>One row's comparisons with shared word lists (by reference), so candidates with the same title or credit cost one comparison.</summary>
internal sealed class SimilarityMemo
{
    private readonly List<(object Key, int Variant, double Value)> items = [];

    public void Clear() => items.Clear();

    public bool TryGet(object key, int variant, out double value)
    {
        foreach (var item in items)
        {
            if (ReferenceEquals(item.Key, key) && item.Variant == variant)
            {
                value = item.Value;
                return true;
            }
        }

        value = 0;
        return false;
    }

    public void Set(object key, int variant, double value) => items.Add((key, variant, value));
}
