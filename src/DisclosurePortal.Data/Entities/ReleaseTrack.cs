namespace DisclosurePortal.Data.Entities;

/// <summary>A recording's place on a release.</summary>
public class ReleaseTrack
{
    public long Id { get; set; }

    public long ReleaseId { get; set; }

    public long RecordingId { get; set; }

    public CatalogRecording? Recording { get; set; }

    public int DiscNumber { get; set; } = 1;

    /// <summary>Null when the source did not say.</summary>
    public int? TrackNumber { get; set; }
}
