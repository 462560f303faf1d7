using DisclosurePortal.Core.Catalog;

namespace DisclosurePortal.Data.Entities;

/// <summary>
/// One catalog import: which file, when, and what it did. Imports are upserts: a row missing from a later
/// file is not removed (files are often partial exports), so <see cref="Removed"/> stays 0 for now.
/// </summary>
public class CatalogVersion
{
    public long Id { get; set; }

    public CatalogFileKind Kind { get; set; }

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

    public int Removed { get; set; }
}
