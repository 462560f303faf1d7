namespace DisclosurePortal.Data.Entities;

public enum UploadStatus
{
    /// <summary>Stored and recorded; its rows are being read in the background.</summary>
    Received = 0,

    /// <summary>Its rows are read and matched against the catalog.</summary>
    Processed = 1,

    /// <summary>The whole file could not be used (<see cref="WorkListUpload.RefusalReason"/>).</summary>
    Refused = 2,

    /// <summary>Its rows are read; matching them has not finished yet.</summary>
    Validated = 3,

    /// <summary>Stored and recorded; waits for the respondent to confirm which column holds which field.</summary>
    AwaitingMapping = 4,
}

/// <summary>A file of works a company uploaded, stored as received with its SHA-256.</summary>
public class WorkListUpload : ICompanyOwned
{
    public int Id { get; set; }

    public int ResponseId { get; set; }

    public DisclosureResponse? Response { get; set; }

    public int CompanyId { get; set; }

    /// <summary>The name the user's file had, for display only; storage uses <see cref="StoredName"/>.</summary>
    public string FileName { get; set; } = string.Empty;

    public string StoredName { get; set; } = string.Empty;

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes as received.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public string UploadedByUserId { get; set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; set; }

    public UploadStatus Status { get; set; }

    /// <summary>What the file was read as ("CSV (comma-separated, UTF-8)", "Excel workbook (sheet 'Works')"), with ", gzip" for a .gz.</summary>
    public string? Format { get; set; }

    /// <summary>The header's key (Core's WorkListColumns.HeaderKey), under which the company's confirmed mapping is remembered.</summary>
    public string? HeaderKey { get; set; }

    /// <summary>The confirmed field → column mapping as JSON; null until confirmed.</summary>
    public string? ColumnMapping { get; set; }

    /// <summary>Why the whole file was refused, in words for the user.</summary>
    public string? RefusalReason { get; set; }

    public int RowsAccepted { get; set; }

    public int RowsRejected { get; set; }

    /// <summary>Rows with at least one candidate in the run the upload shows.</summary>
    public int RowsMatched { get; set; }

    /// <summary>The reconciliation run whose candidates reviewers see; null until the first run has finished.</summary>
    public long? MatchRunId { get; set; }
}
