using System.Text.RegularExpressions;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Invitations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace DisclosurePortal.IntegrationTests.Invitations;

/// <summary>Invitation links: only a hash stored, single use, bound to the address, replaced on resend, revocable, expiring.</summary>
public abstract partial class InvitationTests(DatabaseFixture database)
{
    private const string Password = "Invited-Person-2026";

    [SkippableFact]
    public async Task An_invitation_creates_a_respondent_in_its_company_once_and_stores_only_a_hash_of_its_token()
    {
        var companies = await SetUpAsync();
        var (token, sent) = await InviteAsync(companies.A.Id, "  Someone@Example.TEST ");
        Assert.Contains($"{TestNavigationManager.Origin}invitation/{token}", sent.TextBody, StringComparison.Ordinal);
        Assert.Equal("someone@example.test", sent.To.Mailboxes.Single().Address);
        Assert.True(Convert.FromBase64String(Base64(token)).Length >= 16, "at least 128 random bits");

        await using (var db = database.CreateContext())
        {
            var stored = await db.Invitations.SingleAsync(i => i.CompanyId == companies.A.Id);
            Assert.Equal(InvitationToken.Hash(token), stored.TokenHash);
            Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
            Assert.Equal(TestData.Now.AddDays(14), stored.ExpiresAt);
        }

        await using var scope = database.Services.CreateAsyncScope();
        var acceptance = scope.ServiceProvider.GetRequiredService<InvitationAcceptance>();
        Assert.Equal(companies.A.Name, (await acceptance.FindOpenAsync(token))!.CompanyName);
        var accepted = await acceptance.AcceptAsync(token, "Some One", Password);
        Assert.NotNull(accepted.User);
        Assert.Equal(companies.A.Id, accepted.User.CompanyId);
        Assert.Equal("someone@example.test", accepted.User.Email);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.Equal([PortalRoles.Respondent], await users.GetRolesAsync(accepted.User));

        Assert.Null(await acceptance.FindOpenAsync(token));
        Assert.True((await acceptance.AcceptAsync(token, "Someone Else", Password)).LinkUnusable);
    }

    [SkippableFact]
    public async Task Sending_again_kills_the_old_link_and_revoked_expired_or_unknown_links_answer_alike()
    {
        var companies = await SetUpAsync();
        var (first, _) = await InviteAsync(companies.B.Id, "twice@example.test");
        var (second, _) = await InviteAsync(companies.B.Id, "twice@example.test");
        var (revoked, _) = await InviteAsync(companies.B.Id, "revoked@example.test");
        var (expired, _) = await InviteAsync(companies.B.Id, "expired@example.test");
        await using (var db = database.CreateContext())
        {
            await db.Invitations.Where(i => i.Email == "expired@example.test").ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, TestData.Now));
        }

        await using (var admin = database.Services.SignedInScope(TestUsers.Admin()))
        {
            var service = admin.ServiceProvider.GetRequiredService<InvitationService>();
            var rows = await service.ListAsync(companies.B.Id);
            await service.RevokeAsync(rows.Single(r => r.Email == "revoked@example.test").Id);
            var states = (await service.ListAsync(companies.B.Id)).Select(r => (r.Email, r.State)).ToList();
            Assert.Contains(("twice@example.test", InvitationState.Revoked), states);
            Assert.Contains(("twice@example.test", InvitationState.Open), states);
            Assert.Contains(("revoked@example.test", InvitationState.Revoked), states);
            Assert.Contains(("expired@example.test", InvitationState.Expired), states);
        }

        await using var scope = database.Services.CreateAsyncScope();
        var acceptance = scope.ServiceProvider.GetRequiredService<InvitationAcceptance>();
        foreach (var dead in new[] { first, revoked, expired, InvitationToken.New(), string.Empty, new string('x', 500) })
        {
            Assert.Null(await acceptance.FindOpenAsync(dead));
            Assert.True((await acceptance.AcceptAsync(dead, "Nobody", Password)).LinkUnusable);
        }

        Assert.NotNull(await acceptance.FindOpenAsync(second));
    }

    [SkippableFact]
    public async Task A_weak_password_keeps_the_link_open_and_an_existing_account_is_not_taken_over()
    {
        var companies = await SetUpAsync();
        var (token, _) = await InviteAsync(companies.A.Id, "weak@example.test");
        await using var scope = database.Services.CreateAsyncScope();
        var acceptance = scope.ServiceProvider.GetRequiredService<InvitationAcceptance>();
        var weak = await acceptance.AcceptAsync(token, "Weak", "short");
        Assert.Null(weak.User);
        Assert.False(weak.LinkUnusable);
        Assert.NotEmpty(weak.Errors);
        Assert.NotNull(await acceptance.FindOpenAsync(token));

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        await users.CreateAsync(new PortalUser { UserName = "taken@example.test", Email = "taken@example.test", DisplayName = "Taken", CreatedAt = TestData.Now }, Password);
        var (taken, _) = await InviteAsync(companies.B.Id, "taken@example.test");
        Assert.True((await acceptance.AcceptAsync(taken, "Intruder", Password)).LinkUnusable);
        Assert.Null((await users.FindByEmailAsync("taken@example.test"))!.CompanyId);
    }

    [SkippableFact]
    public async Task Only_admins_send_or_revoke_invitations_and_a_bad_address_is_refused()
    {
        var companies = await SetUpAsync();
        foreach (var user in new[] { TestUsers.Reviewer(), TestUsers.Respondent(companies.A.Id) })
        {
            await using var scope = database.Services.SignedInScope(user);
            var service = scope.ServiceProvider.GetRequiredService<InvitationService>();
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.InviteAsync(companies.A.Id, "x@example.test"));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.RevokeAsync(1));
        }

        await using var admin = database.Services.SignedInScope(TestUsers.Admin());
        var result = await admin.ServiceProvider.GetRequiredService<InvitationService>().InviteAsync(companies.A.Id, "not an address");
        Assert.False(result.Sent);
    }

    private async Task<TwoCompanies> SetUpAsync()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        await using var db = database.CreateContext();
        return await TestData.CreateTwoCompaniesAsync(db);
    }

    private async Task<(string Token, MimeMessage Message)> InviteAsync(int companyId, string address)
    {
        var outbox = database.Storage.Combine("outbox");
        var before = Directory.Exists(outbox) ? Directory.GetFiles(outbox).ToHashSet() : [];
        await using (var admin = database.Services.SignedInScope(TestUsers.Admin()))
        {
            var result = await admin.ServiceProvider.GetRequiredService<InvitationService>().InviteAsync(companyId, address);
            Assert.True(result.Sent, result.Message);
        }

        // Queued, not sent: the link exists only once the sender has made it.
        Assert.Equal(before.Count, Directory.Exists(outbox) ? Directory.GetFiles(outbox).Length : 0);
        await QueuedMail.SendDueAsync(database.Services);
        var file = Directory.GetFiles(outbox).Single(f => !before.Contains(f));
        var message = await MimeMessage.LoadAsync(file);
        return (LinkToken().Match(message.TextBody ?? string.Empty).Groups[1].Value, message);
    }

    private static string Base64(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
    }

    [GeneratedRegex(@"/invitation/([A-Za-z0-9_-]+)")]
    private static partial Regex LinkToken();
}

public sealed class InvitationTestsOnSqlite(SqliteDatabaseFixture database) : InvitationTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class InvitationTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : InvitationTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
