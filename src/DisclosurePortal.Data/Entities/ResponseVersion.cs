using DisclosurePortal.Core.Answers;

namespace DisclosurePortal.Data.Entities;

/// <summary>
/// One signed submission of a response, numbered 1, 2, … per response. Written once and never changed: the
/// answers as JSON, the attestation as signed, and (in <see cref="Uploads"/>) the work lists it comprised.
/// </summary>
public class ResponseVersion : ICompanyOwned
{
    public int Id { get; set; }

    public int ResponseId { get; set; }

    public DisclosureResponse? Response { get; set; }

    public int CompanyId { get; set; }

    /// <summary>1 for the first submission, then one more for each amendment.</summary>
    public int Number { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public string SubmittedByUserId { get; set; } = string.Empty;

    /// <summary>The company's due time when it submitted; <see cref="IsLate"/> when it submitted after it.</summary>
    public DateTimeOffset DueAt { get; set; }

    public bool IsLate { get; set; }

    /// <summary>The central answer, copied out of the JSON so lists and filters can read it.</summary>
    public ContentUseAnswer ContentUse { get; set; }

    /// <summary>The questionnaire as submitted (<see cref="AnswerDocument"/>).</summary>
    public string AnswersJson { get; set; } = string.Empty;

    public string SignatoryName { get; set; } = string.Empty;

    public string SignatoryTitle { get; set; } = string.Empty;

    /// <summary>The statement the signatory confirmed, word for word.</summary>
    public string AttestationText { get; set; } = string.Empty;

    /// <summary>SHA-256 over the answers, the attestation and the work lists' hashes: what the receipt certifies.</summary>
    public string Digest { get; set; } = string.Empty;

    /// <summary>Distinct works (accepted rows by identity) across the version's work lists.</summary>
    public int Works { get; set; }

    /// <summary>Against the previous version (0 for the first): works added, removed, and listed with other details.</summary>
    public int WorksAdded { get; set; }

    public int WorksRemoved { get; set; }

    public int WorksChanged { get; set; }

    public List<ResponseVersionUpload> Uploads { get; set; } = [];
}

/// <summary>A work-list upload as it was part of a version, with its facts copied at that moment.</summary>
public class ResponseVersionUpload : ICompanyOwned
{
    public int Id { get; set; }

    public int VersionId { get; set; }

    public int UploadId { get; set; }

    public int CompanyId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public long SizeBytes { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    public int RowsAccepted { get; set; }

    public int RowsRejected { get; set; }
}
