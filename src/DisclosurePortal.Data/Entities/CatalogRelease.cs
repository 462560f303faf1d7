namespace DisclosurePortal.Data.Entities;

/// <summary>A product (album, single, EP) identified by its barcode.</summary>
public class CatalogRelease
{
    public long Id { get; set; }

    /// <summary>UPC-A or EAN-13 as the canonical thirteen digits, so both spellings meet.</summary>
    public string Gtin { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string Artist { get; set; } = string.Empty;

    public string TitleKey { get; set; } = string.Empty;

    public string ArtistKey { get; set; } = string.Empty;

    public string? Label { get; set; }

    public DateOnly? ReleaseDate { get; set; }

    public int? ReleaseYear { get; set; }

    /// <summary>Where the cover art is (a path or URL); the portal never fetches it on import.</summary>
    public string? ArtworkReference { get; set; }

    public string? SourceId { get; set; }

    public string? ContentHash { get; set; }

    public long? CatalogVersionId { get; set; }

    public List<ReleaseTrack> Tracks { get; set; } = [];

    /// <summary>The complete-catalog import that no longer listed this entry; null while it is in the catalog. Entries are never deleted.</summary>
    public long? RemovedInVersionId { get; set; }

    /// <summary>The last complete-catalog import that listed this entry unchanged (changed entries carry <c>CatalogVersionId</c>).</summary>
    public long? SeenInVersionId { get; set; }
}
