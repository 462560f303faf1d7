namespace DisclosurePortal.Data.Entities;

/// <summary>A writer credited on a composition.</summary>
public class CompositionWriter
{
    public long Id { get; set; }

    public long CompositionId { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>Canonical eleven-digit IPI name number, when known.</summary>
    public string? IpiNameNumber { get; set; }

    /// <summary>CWR-style role ("C", "A", "CA", "AR"…) or the file's own word; null when the file gives none.</summary>
    public string? Role { get; set; }
}
