namespace DisclosurePortal.Data.Entities;

public enum ExtensionStatus
{
    /// <summary>On a response: no extension was ever asked for.</summary>
    None = 0,
    Requested = 1,
    Granted = 2,
    Refused = 3,
}

/// <summary>A company's request for more time, and the admin's decision. Kept for the record once decided.</summary>
public class ExtensionRequest : ICompanyOwned
{
    public int Id { get; set; }

    public int ResponseId { get; set; }

    public DisclosureResponse? Response { get; set; }

    public int CompanyId { get; set; }

    public string RequestedByUserId { get; set; } = string.Empty;

    public DateTimeOffset RequestedAt { get; set; }

    public string Reason { get; set; } = string.Empty;

    /// <summary>The company's due time when it asked.</summary>
    public DateTimeOffset DueAtWhenRequested { get; set; }

    public DateTimeOffset WishedDueAt { get; set; }

    /// <summary>Requested while open; Granted or Refused once decided.</summary>
    public ExtensionStatus Status { get; set; } = ExtensionStatus.Requested;

    public string? DecidedByUserId { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The due time granted (it becomes the response's <see cref="DisclosureResponse.ExtendedDeadline"/>).</summary>
    public DateTimeOffset? GrantedDueAt { get; set; }

    public string? DecisionComment { get; set; }
}
