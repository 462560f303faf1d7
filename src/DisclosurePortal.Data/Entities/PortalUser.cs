using Microsoft.AspNetCore.Identity;

namespace DisclosurePortal.Data.Entities;

/// <summary>A person who signs in: label staff (Admin, Reviewer) or a company's respondent.</summary>
public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Set for respondents only: the one company they answer for.</summary>
    public int? CompanyId { get; set; }

    public Company? Company { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
