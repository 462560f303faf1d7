using DisclosurePortal.Core.Catalog;

namespace DisclosurePortal.Data.Entities;

/// <summary>
/// One catalog import: which file, when, and what it did. Imports are upserts: an entry missing from a later
/// file stays (files are often partial exports) unless the import was declared <see cref="Complete"/>.
/// </summary>
public class CatalogVersion
{
    public long Id { get; set; }

    public CatalogKind Kind { get; set; }

    public string FileName { get; set; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of the file as received.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int Rows { get; set; }

    public int Added { get; set; }

    public int Changed { get; set; }

    public int Unchanged { get; set; }

    public int Rejected { get; set; }

    /// <summary>Entries of this kind the complete file no longer listed, marked removed (never deleted).</summary>
    public int Removed { get; set; }

    /// <summary>The file was declared to list the whole catalog of its kind.</summary>
    public bool Complete { get; set; }
}
