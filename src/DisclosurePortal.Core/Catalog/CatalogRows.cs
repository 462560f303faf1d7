using DisclosurePortal.Core.Identifiers;

namespace DisclosurePortal.Core.Catalog;

/// <summary>One validated row of a catalog file.</summary>
public abstract record CatalogItem(int Line, string? SourceId)
{
    /// <summary>What identifies the item in the catalog; two rows of one file may not share it.</summary>
    public abstract string Key { get; }
}

public sealed record CatalogRecordingRow(
    int Line, string? SourceId, Isrc Isrc, string Title, string? Version, string Artist, IReadOnlyList<string> FeaturedArtists,
    int? DurationSeconds, int? Year, string? Label, string? CompositionSourceId, string? ReleaseSourceId,
    int? TrackNumber = null, int? DiscNumber = null)
    : CatalogItem(Line, SourceId)
{
    public override string Key => Isrc.Value;
}

public sealed record CatalogWriterRow(string Name, IpiNameNumber? IpiNameNumber, string? Role);

public sealed record CatalogCompositionRow(
    int Line, string? SourceId, Iswc? Iswc, string Title, string? LyricFirstLine, IReadOnlyList<CatalogWriterRow> Writers)
    : CatalogItem(Line, SourceId)
{
    /// <summary>The ISWC when there is one, else the label's own id (works without an ISWC are common).</summary>
    public override string Key => Iswc?.Value ?? CompositionKey.ForSourceId(SourceId!);
}

public sealed record CatalogReleaseRow(
    int Line, string? SourceId, Gtin Gtin, string Title, string Artist, DateOnly? ReleaseDate, int? Year, string? Label, string? ArtworkReference)
    : CatalogItem(Line, SourceId)
{
    public override string Key => Gtin.Value;
}

public static class CompositionKey
{
    // Never a valid ISWC (those start with T), so the two kinds of key cannot collide.
    public static string ForSourceId(string sourceId) => "#" + sourceId;
}

/// <summary>A data row as read: accepted with its <see cref="Item"/>, or rejected with the reason.</summary>
public sealed record CatalogFileRow(int Line, CatalogItem? Item, string? RejectionReason)
{
    public bool Accepted => Item is not null;

    public static CatalogFileRow Reject(int line, string reason) => new(line, null, reason);
}
