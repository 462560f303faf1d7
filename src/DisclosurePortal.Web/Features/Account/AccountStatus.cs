using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace DisclosurePortal.Web.Features.Account;

/// <summary>Whether an account may receive account e-mails or change its password from a link.</summary>
public static class AccountStatus
{
    /// <summary>
    /// Disabled accounts (locked indefinitely by an admin) and accounts locked after failed sign-ins are
    /// treated alike: no reset e-mail, and the pages answer exactly as for an unknown address.
    /// </summary>
    public static async Task<bool> IsActiveAsync(UserManager<PortalUser> users, PortalUser user) =>
        !await users.IsLockedOutAsync(user);
}
