namespace DisclosurePortal.Data.Entities;

public static class PortalRoles
{
    public const string Admin = "Admin";
    public const string Reviewer = "Reviewer";
    public const string Respondent = "Respondent";

    /// <summary>Label staff: anyone who may see more than one company.</summary>
    public const string Staff = Admin + "," + Reviewer;

    public static readonly IReadOnlyList<string> All = [Admin, Reviewer, Respondent];
}
