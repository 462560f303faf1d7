using Microsoft.AspNetCore.Identity;

namespace DisclosurePortal.Data.Entities;

/// <summary>A person who signs in: label staff (Admin, Reviewer) or a company's respondent.</summary>
public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Set for respondents only: the one company they answer for.</summary>
    public int? CompanyId { get; set; }

    public Company? Company { get; set; }

    /// <summary>A respondent who may invite colleagues into the company; the first to accept a staff invitation is one.</summary>
    public bool IsLeadRespondent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
