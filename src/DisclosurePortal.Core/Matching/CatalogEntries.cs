namespace DisclosurePortal.Core.Matching;

/// <summary>A catalog recording as the matching index reads it (from a file, the database or the synthetic catalog).</summary>
/// <param name="Id">The caller's id for the recording; candidates carry it back.</param>
/// <param name="Isrc">The recording's ISRC in any spelling; an invalid one is ignored.</param>
/// <param name="Version">The subtitle that tells versions apart ("Remastered 2011", "Live in Oslo").</param>
/// <param name="Album">The release title, when known (else taken from <paramref name="ReleaseId"/>'s release).</param>
/// <param name="CompositionId">The <see cref="CompositionEntry.Id"/> of the work it performs, so a listed ISWC supports it.</param>
/// <param name="ReleaseId">The <see cref="ReleaseEntry.Id"/> it appears on, so a listed UPC/EAN supports it.</param>
public sealed record RecordingEntry(
    long Id,
    string? Isrc,
    string Title,
    string? Version,
    string MainArtist,
    IReadOnlyList<string>? FeaturedArtists = null,
    string? Album = null,
    int? DurationSeconds = null,
    int? Year = null,
    long? CompositionId = null,
    long? ReleaseId = null);

/// <summary>A musical work (song, lyrics) as the matching index reads it.</summary>
public sealed record CompositionEntry(long Id, string? Iswc, string Title, IReadOnlyList<string>? Writers = null);

/// <summary>A release (album, single, EP; its artwork) as the matching index reads it.</summary>
/// <param name="Upc">UPC-A or EAN-13 in any spelling; both spellings of one product meet.</param>
public sealed record ReleaseEntry(long Id, string? Upc, string Title, string? Artist = null, int? Year = null);
