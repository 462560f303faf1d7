using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Identifiers;

namespace DisclosurePortal.Core.Matching;

/// <summary>
/// One catalog entry as the scorer compares it: words instead of strings (shared with every other entry through
/// the vocabulary), the identifier packed into a number, and links to its composition and release by position.
/// </summary>
internal sealed record IndexedEntry
{
    public required CatalogKind Kind { get; init; }

    public required long Id { get; init; }

    /// <summary>The ISRC, ISWC or UPC/EAN as a number (<see cref="IdentifierCode"/>); 0 when there is none.</summary>
    public long Code { get; init; }

    public required TitleWords Title { get; init; }

    /// <summary>The words of every credited name, main artist (or first writer) first.</summary>
    public required string[] Artist { get; init; }

    /// <summary>How many of <see cref="Artist"/>'s words belong to the main artist.</summary>
    public int MainArtistWords { get; init; }

    public string[] Album { get; init; } = [];

    public short Duration { get; init; }

    public short Year { get; init; }

    /// <summary>Position of the recording's composition in the index, or −1.</summary>
    public int Composition { get; init; } = -1;

    /// <summary>Position of the recording's release in the index, or −1.</summary>
    public int Release { get; init; } = -1;

    /// <summary>The same entry with its word lists swapped for the vocabulary's shared ones (words are read in parallel, interned in order).</summary>
    public IndexedEntry Interned(Func<string[], string[]> intern) => this with
    {
        Title = Title.WithWords(intern(Title.Words)),
        Artist = intern(Artist),
        Album = intern(Album),
    };

    public static IndexedEntry Recording(RecordingEntry r, Func<string[], string[]> intern, int composition, int release, string[] releaseAlbum) => new()
    {
        Kind = CatalogKind.Recordings,
        Id = r.Id,
        Code = IdentifierCode.Isrc(r.Isrc),
        Title = TitleWords.From(r.Title, r.Version, intern),
        Artist = Credit(r.MainArtist, r.FeaturedArtists, intern, out var main),
        MainArtistWords = main,
        Album = r.Album is null ? releaseAlbum : intern(TextNormaliser.MatchWords(r.Album)),
        Duration = Clamp(r.DurationSeconds),
        Year = Clamp(r.Year),
        Composition = composition,
        Release = release,
    };

    public static IndexedEntry CompositionOf(CompositionEntry c, Func<string[], string[]> intern) => new()
    {
        Kind = CatalogKind.Compositions,
        Id = c.Id,
        Code = IdentifierCode.Iswc(c.Iswc),
        Title = TitleWords.From(c.Title, null, intern),
        Artist = Credit(c.Writers is { Count: > 0 } w ? w[0] : null, c.Writers?.Skip(1).ToList(), intern, out var main),
        MainArtistWords = main,
    };

    public static IndexedEntry ReleaseOf(ReleaseEntry r, Func<string[], string[]> intern) => new()
    {
        Kind = CatalogKind.Releases,
        Id = r.Id,
        Code = IdentifierCode.Gtin(r.Upc),
        Title = TitleWords.From(r.Title, null, intern),
        Artist = Credit(r.Artist, null, intern, out var main),
        MainArtistWords = main,
        Year = Clamp(r.Year),
    };

    private static string[] Credit(string? main, IReadOnlyList<string>? others, Func<string[], string[]> intern, out int mainWords)
    {
        var names = TitleParser.SplitArtists(main);
        var mainPart = names.Count > 0 ? TextNormaliser.MatchWords(names[0]) : [];
        mainWords = mainPart.Length;
        var rest = names.Skip(1).Concat(others ?? []).SelectMany(TextNormaliser.MatchWords);
        return intern(mainPart.Concat(rest).ToArray());
    }

    private static short Clamp(int? value) => value is > 0 and < short.MaxValue ? (short)value.Value : (short)0;
}

/// <summary>Identifiers as numbers: cheap to store and compare. 0 means none (or not valid).</summary>
internal static class IdentifierCode
{
    public static long Isrc(string? text) => Identifiers.Isrc.TryParse(text, out var isrc) ? Of(isrc) : 0;

    public static long Of(Isrc isrc)
    {
        // Twelve base-36 characters fit in 62 bits.
        long code = 0;
        foreach (var c in isrc.Value)
        {
            code = (code * 36) + (char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10);
        }

        return code + 1;
    }

    public static long Iswc(string? text) => Identifiers.Iswc.TryParse(text, out var iswc) ? long.Parse(iswc.Value.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) + 1 : 0;

    public static long Gtin(string? text) => Identifiers.Gtin.TryParse(text, out var gtin) ? long.Parse(gtin.Value, System.Globalization.CultureInfo.InvariantCulture) + 1 : 0;
}
