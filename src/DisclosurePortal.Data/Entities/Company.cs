using DisclosurePortal.Core.Companies;

namespace DisclosurePortal.Data.Entities;

/// <summary>An AI company or service that received a disclosure request.</summary>
public class Company
{
    private string name = string.Empty;

    public int Id { get; set; }

    /// <summary>Setting the name sets <see cref="NormalizedName"/>, so the two never disagree.</summary>
    public string Name
    {
        get => name;
        set
        {
            name = value;
            NormalizedName = CompanyNames.Key(value);
        }
    }

    /// <summary>
    /// <see cref="CompanyNames.Key"/> of the name, unique: two companies that differ only in case, accents or legal
    /// form are one. Null only on rows from before the key existed, until start-up fills it in.
    /// </summary>
    public string? NormalizedName { get; private set; }

    public string? LegalEntity { get; set; }

    public string? Country { get; set; }

    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<CompanyContact> Contacts { get; set; } = [];
}
