namespace DisclosurePortal.Data.Entities;

public enum ResponseStatus
{
    NotOpened = 0,
    InProgress = 1,
    Submitted = 2,
}

/// <summary>One company's answer to one request, and its own due time.</summary>
public class DisclosureResponse : ICompanyOwned
{
    public int Id { get; set; }

    public int RequestId { get; set; }

    public DisclosureRequest? Request { get; set; }

    public int CompanyId { get; set; }

    public Company? Company { get; set; }

    public ResponseStatus Status { get; set; }

    /// <summary>A granted extension replaces the request deadline for this company.</summary>
    public DateTimeOffset? ExtendedDeadline { get; set; }

    public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>The questionnaire as the company is filling it in (JSON, see Core's AnswerDocument); saved as it types.</summary>
    public string? DraftAnswersJson { get; set; }

    public DateTimeOffset? DraftSavedAt { get; set; }

    /// <summary>How many versions have been submitted (the latest version's number); 0 before the first submission.</summary>
    public int SubmittedVersions { get; set; }

    public DateTimeOffset? FirstSubmittedAt { get; set; }

    public DateTimeOffset? LastSubmittedAt { get; set; }

    /// <summary>The latest version came in after the company's due time.</summary>
    public bool LastSubmissionLate { get; set; }

    /// <summary>The state of the company's latest extension request (None when it never asked).</summary>
    public ExtensionStatus ExtensionStatus { get; set; }

    /// <summary>When this request's invitation first went out to one of the company's contacts.</summary>
    public DateTimeOffset? InvitedAt { get; set; }

    /// <summary>When someone at the company first opened the request on the portal.</summary>
    public DateTimeOffset? OpenedAt { get; set; }

    public DateTimeOffset DueAt(DisclosureRequest request) => ExtendedDeadline ?? request.Deadline;
}
