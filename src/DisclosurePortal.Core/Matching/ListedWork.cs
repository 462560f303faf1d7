namespace DisclosurePortal.Core.Matching;

/// <summary>What kind of content a work-list row says was used; it decides which catalog entries it is matched with.</summary>
public enum AssetKind
{
    /// <summary>A sound recording: matched with recordings.</summary>
    Audio,

    /// <summary>Lyrics or the musical work: matched with compositions.</summary>
    Lyrics,

    /// <summary>An audiovisual recording: matched with recordings.</summary>
    Video,

    /// <summary>Cover art: matched with releases.</summary>
    Artwork,

    /// <summary>Metadata about a recording: matched with recordings.</summary>
    Metadata,
}

/// <summary>One row of a company's work list, every field as the company wrote it (identifiers unparsed).</summary>
public sealed record ListedWork(
    string? Title,
    string? Artist = null,
    string? Album = null,
    string? Isrc = null,
    string? Iswc = null,
    string? Upc = null,
    int? DurationSeconds = null,
    int? Year = null,
    AssetKind Asset = AssetKind.Audio);
