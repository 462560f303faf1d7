using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace DisclosurePortal.Web.Features.Audit;

/// <summary>Sign-ins, failed attempts and sign-outs, as audit entries of their own.</summary>
public sealed class SignInAudit(AuditTrail audit, UserManager<PortalUser> users)
{
    /// <summary>
    /// After a password or code check. An attempt for an address without an account is recorded under the address
    /// typed (clipped), so repeated guessing shows; the password itself never is.
    /// </summary>
    public async Task RecordAsync(string email, PortalUser? knownUser, SignInResult result, string method)
    {
        if (result.RequiresTwoFactor)
        {
            return; // the password was right; the code step records the outcome
        }

        var user = knownUser ?? await users.FindByEmailAsync(email.Trim());
        var actor = user is null ? new AuditActor("anonymous", email.Trim()) : AuditTrail.ActorOf(user);
        object subject = user is null ? new AuditSubject("SignIn", email.Trim()) : user;

        var outcome = result.Succeeded ? null : result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : user is null ? "no such account" : "wrong password or code";
        await audit.RecordAloneAsync(actor, result.Succeeded ? AuditActions.SignedIn : AuditActions.SignInFailed, subject, user?.CompanyId,
            outcome is null ? new { method } : new { method, outcome });
    }

    public Task RecordSignOutAsync(PortalUser user) =>
        audit.RecordAloneAsync(AuditTrail.ActorOf(user), AuditActions.SignedOut, user, user.CompanyId);
}
