namespace DisclosurePortal.Data.Entities;

/// <summary>An AI company or service that received a disclosure request.</summary>
public class Company
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? LegalEntity { get; set; }

    public string? Country { get; set; }

    public string? ContactEmail { get; set; }

    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
