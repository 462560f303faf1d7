using System.ComponentModel.DataAnnotations;

namespace DisclosurePortal.Web.Features.Account;

/// <summary>Configuration section "Accounts".</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Admins must set up an authenticator app before they can use the portal.</summary>
    public bool RequireTwoFactorForAdmins { get; set; }

    [Range(3, 20)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;
}
