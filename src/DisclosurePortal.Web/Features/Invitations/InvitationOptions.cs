using System.ComponentModel.DataAnnotations;

namespace DisclosurePortal.Web.Features.Invitations;

/// <summary>Configuration section "Invitations".</summary>
public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    /// <summary>How long an invitation link works.</summary>
    [Range(1, 90)]
    public int ValidDays { get; set; } = 14;

    /// <summary>How many colleague invitations one company's lead respondent may send in 24 hours.</summary>
    [Range(1, 1000)]
    public int ColleagueInvitationsPerDay { get; set; } = 20;
}
