namespace DisclosurePortal.Data.Entities;

/// <summary>
/// A document a company attached to its answer (the EU training-content summary). Stored as received under a name
/// of the portal's own, with its SHA-256; a replacement is a new attachment, so a submitted version's stays.
/// </summary>
public class ResponseAttachment : ICompanyOwned
{
    public int Id { get; set; }

    public int ResponseId { get; set; }

    public int CompanyId { get; set; }

    /// <summary>The user's file name, for display only.</summary>
    public string FileName { get; set; } = string.Empty;

    public string StoredName { get; set; } = string.Empty;

    public long SizeBytes { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    public string UploadedByUserId { get; set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; set; }
}
