using DisclosurePortal.Core.Identifiers;

namespace DisclosurePortal.Core.Synthetic;

/// <summary>What a release is: new recordings, or new versions of an earlier album's recordings.</summary>
public enum ReleaseKind
{
    Album,
    Remaster,
    Live,
    Singles,
}

/// <summary>A catalog recording. <see cref="Version"/> is the subtitle that tells versions apart (e.g. "Remastered 2011").</summary>
public sealed record LabelRecording(
    string Id,
    Isrc Isrc,
    string Title,
    string? Version,
    string MainArtist,
    IReadOnlyList<string> FeaturedArtists,
    int DurationSeconds,
    int Year,
    string Label,
    string CompositionId,
    string ReleaseId);

/// <summary>A writer credited on a composition.</summary>
public sealed record LabelWriter(string Name, IpiNameNumber Ipi);

/// <summary>A musical work; its recordings (original and versions) share it.</summary>
public sealed record LabelComposition(string Id, Iswc Iswc, string Title, IReadOnlyList<LabelWriter> Writers);

/// <summary>A product with a barcode number (UPC-A or EAN-13).</summary>
public sealed record LabelRelease(string Id, Gtin Barcode, string Title, string MainArtist, ReleaseKind Kind, int Year, string Label, int TrackCount);
