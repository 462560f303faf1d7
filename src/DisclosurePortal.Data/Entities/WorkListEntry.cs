using DisclosurePortal.Core.Matching;

namespace DisclosurePortal.Data.Entities;

/// <summary>One data row of an upload: accepted (no rejection) or rejected with its reason.</summary>
public class WorkListEntry : ICompanyOwned
{
    public long Id { get; set; }

    public int UploadId { get; set; }

    public int CompanyId { get; set; }

    public int LineNumber { get; set; }

    public string? Title { get; set; }

    public string? Artist { get; set; }

    /// <summary>The ISRC in its canonical form when valid, else as written (cut to the column's length).</summary>
    public string? Isrc { get; set; }

    public string? Album { get; set; }

    /// <summary>Like <see cref="Isrc"/>: canonical when valid, else as written.</summary>
    public string? Iswc { get; set; }

    /// <summary>UPC or EAN, like <see cref="Isrc"/>: canonical when valid, else as written.</summary>
    public string? Upc { get; set; }

    public int? DurationSeconds { get; set; }

    public int? Year { get; set; }

    /// <summary>As listed, or inferred from the identifiers (ISWC alone → lyrics/composition, UPC alone → artwork/release).</summary>
    public AssetKind AssetKind { get; set; }

    public string? Dataset { get; set; }

    public string? AccessMethod { get; set; }

    public int? Copies { get; set; }

    public string? Retained { get; set; }

    public string? Purpose { get; set; }

    public string? Model { get; set; }

    public string? RejectionReason { get; set; }

    public string? Warning { get; set; }

    /// <summary>Which work the row names (Core's WorkListRowIdentity.Key); null for rejected rows and rows naming none.</summary>
    public string? RowKey { get; set; }

    /// <summary>What the row says about that work (WorkListRowIdentity.Fingerprint); versions compare it per key.</summary>
    public string? RowFingerprint { get; set; }
}
