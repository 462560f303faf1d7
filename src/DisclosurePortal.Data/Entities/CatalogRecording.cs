namespace DisclosurePortal.Data.Entities;

/// <summary>A sound recording in the label's catalog.</summary>
public class CatalogRecording
{
    public long Id { get; set; }

    /// <summary>Canonical twelve-character ISRC.</summary>
    public string Isrc { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string Artist { get; set; } = string.Empty;

    public string TitleKey { get; set; } = string.Empty;

    public string ArtistKey { get; set; } = string.Empty;

    public int? DurationSeconds { get; set; }

    public int? ReleaseYear { get; set; }

    public bool IsDemo { get; set; }
}
