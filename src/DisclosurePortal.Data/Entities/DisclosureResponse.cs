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

    /// <summary>When this request's invitation first went out to one of the company's contacts.</summary>
    public DateTimeOffset? InvitedAt { get; set; }

    /// <summary>When someone at the company first opened the request on the portal.</summary>
    public DateTimeOffset? OpenedAt { get; set; }

    public DateTimeOffset DueAt(DisclosureRequest request) => ExtendedDeadline ?? request.Deadline;
}
