namespace DisclosurePortal.Data.Entities;

/// <summary>A person the label writes to at a company. An address belongs to one company only, as its account would.</summary>
public class CompanyContact : ICompanyOwned
{
    public int Id { get; set; }

    public int CompanyId { get; set; }

    public Company? Company { get; set; }

    public string? Name { get; set; }

    /// <summary>Lower case (see <see cref="Core.Companies.ContactEmail"/>).</summary>
    public string Email { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
