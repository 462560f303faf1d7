using DisclosurePortal.Data;
using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Auditing;

/// <summary>Sign-ins, failed attempts and sign-outs through the real pages leave entries, and never the password.</summary>
public sealed class SignInAuditTests(AccountPortalFactory portal) : IClassFixture<AccountPortalFactory>
{
    [Fact]
    public async Task A_failed_attempt_a_sign_in_and_a_sign_out_are_recorded_under_the_user()
    {
        var user = await portal.CreateUserAsync(PortalRoles.Reviewer, "audited");
        var nobody = $"nobody-{Guid.NewGuid():N}@account.test";
        using var browser = portal.NewBrowser();

        await browser.SignInAsync(user.Email, "Not-The-Password-1");
        await browser.SignInAsync(nobody, "Not-The-Password-2");
        await browser.SignInAsync(user.Email, AccountPortalFactory.Password);
        await browser.SignOutAsync();

        await using var scope = portal.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var mine = await db.AuditEntries.Where(e => e.ActorId == user.Id).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([AuditActions.SignInFailed, AuditActions.SignedIn, AuditActions.SignedOut], mine.Select(e => e.Action));
        Assert.Contains("wrong password", mine[0].After, StringComparison.Ordinal);
        Assert.All(mine, e => Assert.Equal((nameof(PortalUser), user.Id), (e.EntityType, e.EntityId)));
        var unknown = await db.AuditEntries.SingleAsync(e => e.ActorName == nobody);
        Assert.Equal((AuditActions.SignInFailed, "anonymous"), (unknown.Action, unknown.ActorId));
        Assert.Contains("no such account", unknown.After, StringComparison.Ordinal);
        Assert.False(await db.AuditEntries.AnyAsync(e => e.After!.Contains("Not-The-Password") || e.After!.Contains(AccountPortalFactory.Password)));
        Assert.True((await AuditTrailCheck.VerifyAsync(db)).IsIntact);
    }
}
