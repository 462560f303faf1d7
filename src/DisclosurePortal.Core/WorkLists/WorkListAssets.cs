using DisclosurePortal.Core.Matching;

namespace DisclosurePortal.Core.WorkLists;

/// <summary>
/// A row's asset kind from the words companies use, or, with no kind given, from the identifiers: a list whose only
/// identifier column is ISWC lists compositions, one with only UPC/EAN releases, and so does a row naming nothing but
/// an ISWC (or a UPC/EAN). Everything else is taken as a recording (audio), the common case: a row of a recordings list
/// that lacks its ISRC but carries its work's ISWC is still a recording.
/// </summary>
public static class WorkListAssets
{
    /// <summary>The kind the text names, null when it names none the portal knows.</summary>
    public static AssetKind? Of(string? text) => string.IsNullOrWhiteSpace(text) ? null : TextNormaliser.Key(text) switch
        {
            "audio" or "recording" or "recordings" or "sound recording" or "track" or "tracks" or "master" or "song" or "music" => AssetKind.Audio,
            "lyrics" or "lyric" or "composition" or "compositions" or "work" or "musical work" or "song text" or "text" or "publishing" => AssetKind.Lyrics,
            "video" or "videos" or "music video" or "audiovisual" or "av" => AssetKind.Video,
            "artwork" or "cover" or "cover art" or "image" or "images" or "release" or "releases" or "album" or "product" => AssetKind.Artwork,
            "metadata" or "meta data" => AssetKind.Metadata,
            _ => null,
        };

    public static AssetKind Inferred(bool hasIsrc, bool hasIswc, bool hasUpc) => (hasIsrc, hasIswc, hasUpc) switch
    {
        (false, true, false) => AssetKind.Lyrics,
        (false, false, true) => AssetKind.Artwork,
        _ => AssetKind.Audio,
    };

    /// <summary>What is matched and how it is shown: recordings (audio, video, metadata), compositions (lyrics), releases (artwork).</summary>
    public static string Label(AssetKind kind) => kind switch
    {
        AssetKind.Lyrics => "composition (lyrics)",
        AssetKind.Video => "recording (video)",
        AssetKind.Artwork => "release (artwork)",
        AssetKind.Metadata => "recording (metadata)",
        _ => "recording (audio)",
    };
}
