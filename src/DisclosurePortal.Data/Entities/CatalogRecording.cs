namespace DisclosurePortal.Data.Entities;

/// <summary>A sound recording in the label's catalog.</summary>
public class CatalogRecording
{
    public long Id { get; set; }

    /// <summary>Canonical twelve-character ISRC.</summary>
    public string Isrc { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    /// <summary>Version or subtitle ("Radio Edit", "Live in Oslo"), kept apart from the title.</summary>
    public string? Version { get; set; }

    public string Artist { get; set; } = string.Empty;

    /// <summary>Featured artists, "; "-separated as they are shown.</summary>
    public string? FeaturedArtists { get; set; }

    public string? Label { get; set; }

    public string TitleKey { get; set; } = string.Empty;

    public string ArtistKey { get; set; } = string.Empty;

    public int? DurationSeconds { get; set; }

    public int? ReleaseYear { get; set; }

    /// <summary>The label's own id for the recording in its source system, when the file gives one.</summary>
    public string? SourceId { get; set; }

    /// <summary>The source id of the composition the file named; kept so the link can be made when the compositions arrive later.</summary>
    public string? CompositionSourceId { get; set; }

    /// <summary>The source id of the release the file named (see <see cref="CompositionSourceId"/>).</summary>
    public string? ReleaseSourceId { get; set; }

    /// <summary>Position on that release as the file gave it; copied to the <see cref="ReleaseTrack"/> when linked.</summary>
    public int? ReleaseTrackNumber { get; set; }

    public int? ReleaseDiscNumber { get; set; }

    public long? CompositionId { get; set; }

    public CatalogComposition? Composition { get; set; }

    /// <summary>SHA-256 of the imported fields; an equal hash on re-import means the row is unchanged.</summary>
    public string? ContentHash { get; set; }

    /// <summary>The import that added or last changed this row (null for demo data).</summary>
    public long? CatalogVersionId { get; set; }

    public bool IsDemo { get; set; }

    /// <summary>The complete-catalog import that no longer listed this entry; null while it is in the catalog. Entries are never deleted.</summary>
    public long? RemovedInVersionId { get; set; }

    /// <summary>The last complete-catalog import that listed this entry unchanged (changed entries carry <c>CatalogVersionId</c>).</summary>
    public long? SeenInVersionId { get; set; }
}
