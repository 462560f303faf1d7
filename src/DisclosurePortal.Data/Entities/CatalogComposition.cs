namespace DisclosurePortal.Data.Entities;

/// <summary>A musical work (song) the label's publishing side controls; recordings perform it.</summary>
public class CatalogComposition
{
    public long Id { get; set; }

    /// <summary>Canonical eleven-character ISWC; many older works have none.</summary>
    public string? Iswc { get; set; }

    public string Title { get; set; } = string.Empty;

    public string TitleKey { get; set; } = string.Empty;

    /// <summary>The first line of the lyric, which often identifies a song better than its title.</summary>
    public string? LyricFirstLine { get; set; }

    /// <summary>The label's own id for the work; the key when there is no ISWC.</summary>
    public string? SourceId { get; set; }

    public string? ContentHash { get; set; }

    public long? CatalogVersionId { get; set; }

    public List<CompositionWriter> Writers { get; set; } = [];

    /// <summary>The complete-catalog import that no longer listed this entry; null while it is in the catalog. Entries are never deleted.</summary>
    public long? RemovedInVersionId { get; set; }

    /// <summary>The last complete-catalog import that listed this entry unchanged (changed entries carry <c>CatalogVersionId</c>).</summary>
    public long? SeenInVersionId { get; set; }
}
