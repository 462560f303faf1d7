using DisclosurePortal.Core.Catalog;

namespace DisclosurePortal.Data.Catalog;

/// <summary>How one catalog import runs.</summary>
public sealed record CatalogImportOptions
{
    /// <summary>Header to use per field where the synonyms guess wrong.</summary>
    public IReadOnlyDictionary<CatalogField, string>? ColumnOverrides { get; init; }

    /// <summary>
    /// Rows per SaveChanges. 1,000 keeps the per-batch identifier lookup under SQL Server's 2,100-parameter
    /// limit even with EF's parameter padding.
    /// </summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>The file lists the whole catalog of its kind: entries it does not list are marked removed.</summary>
    public bool Complete { get; init; }

    /// <summary>Called with the number of rows read so far after each batch (for a progress bar).</summary>
    public Action<int>? Progress { get; init; }

    /// <summary>Called for each rejected row as it is read, so a report can be streamed to disk.</summary>
    public Action<CatalogFileRow>? Rejected { get; init; }

    /// <summary>Who the audit trail names as importing: the admin who started it, or "system" (the command line).</summary>
    public Auditing.AuditActor? Actor { get; init; }
}
