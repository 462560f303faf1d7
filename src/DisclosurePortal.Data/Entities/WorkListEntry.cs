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

    public string? Isrc { get; set; }

    public string? RejectionReason { get; set; }

    public string? Warning { get; set; }

    /// <summary>Which work the row names (Core's WorkListRowIdentity.Key); null for rejected rows and rows naming none.</summary>
    public string? RowKey { get; set; }

    /// <summary>What the row says about that work (WorkListRowIdentity.Fingerprint); versions compare it per key.</summary>
    public string? RowFingerprint { get; set; }
}
