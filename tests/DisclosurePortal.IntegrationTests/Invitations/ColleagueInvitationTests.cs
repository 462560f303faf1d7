using System.Text.RegularExpressions;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Email;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Invitations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace DisclosurePortal.IntegrationTests.Invitations;

/// <summary>A company's lead respondent invites colleagues into the same company; staff see and revoke those invitations; nobody reaches another company's.</summary>
public abstract partial class ColleagueInvitationTests(DatabaseFixture database)
{
    [SkippableFact]
    public async Task The_lead_brings_a_colleague_into_the_company_and_staff_see_and_can_revoke_such_invitations()
    {
        var (companies, lead) = await ArrangeAsync();
        var colleague = $"colleague-{TestData.Token()}@a.example";
        await using (var scope = database.Services.SignedInScope(TestUsers.Respondent(companies.A.Id, lead.Id)))
        {
            var people = scope.ServiceProvider.GetRequiredService<ColleagueInvitations>();
            Assert.True((await people.InviteAsync(colleague)).Sent);
            var overview = await people.GetAsync();
            Assert.True(overview.CanInvite);
            Assert.Equal(companies.A.Name, overview.CompanyName);
            Assert.Equal([lead.Email], overview.People.Select(p => p.Email));
            Assert.Equal((colleague, InvitationState.Queued, true), overview.Invitations.Select(i => (i.Email, i.State, i.ByColleague)).Single());
        }

        var token = await SentTokenAsync(colleague);
        await using (var anonymous = database.Services.CreateAsyncScope())
        {
            var joined = await anonymous.ServiceProvider.GetRequiredService<InvitationAcceptance>().AcceptAsync(token, "Col League", "Invited-Person-2026");
            Assert.Equal(companies.A.Id, joined.User!.CompanyId);
            Assert.False(joined.User.IsLeadRespondent);
        }

        // Staff see who invited whom, and revoke.
        var second = $"second-{TestData.Token()}@a.example";
        await using (var scope = database.Services.SignedInScope(TestUsers.Respondent(companies.A.Id, lead.Id)))
        {
            await scope.ServiceProvider.GetRequiredService<ColleagueInvitations>().InviteAsync(second);
        }

        await using var admin = database.Services.SignedInScope(TestUsers.Admin());
        var invitations = admin.ServiceProvider.GetRequiredService<InvitationService>();
        var rows = await invitations.ListAsync(companies.A.Id);
        Assert.Equal([(second, "Lead Person", true, InvitationState.Queued), (colleague, "Lead Person", true, InvitationState.Accepted)],
            rows.Select(r => (r.Email, r.InvitedBy, r.ByColleague, r.State)));
        await invitations.RevokeAsync(rows[0].Id);
        Assert.Equal(InvitationState.Revoked, (await invitations.ListAsync(companies.A.Id))[0].State);
    }

    [SkippableFact]
    public async Task Only_the_lead_invites_and_another_companys_invitation_is_not_found_and_logged()
    {
        var log = new CapturedLog();
        var (companies, lead) = await ArrangeAsync();
        await using var services = PortalTestServices.Build(database, new FixedTimeProvider(TestData.Now), logs: log);
        int othersInvitation;
        await using (var admin = services.SignedInScope(TestUsers.Admin()))
        {
            Assert.True((await admin.ServiceProvider.GetRequiredService<InvitationService>().InviteAsync(companies.B.Id, $"b-{TestData.Token()}@b.example")).Sent);
            othersInvitation = (await admin.ServiceProvider.GetRequiredService<InvitationService>().ListAsync(companies.B.Id))[0].Id;
        }

        await using (var member = services.SignedInScope(TestUsers.Respondent(companies.A.Id, "not-the-lead")))
        {
            var people = member.ServiceProvider.GetRequiredService<ColleagueInvitations>();
            Assert.False((await people.GetAsync()).CanInvite);
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => people.InviteAsync("someone@a.example"));
        }

        await using (var scope = services.SignedInScope(TestUsers.Respondent(companies.A.Id, lead.Id)))
        {
            var people = scope.ServiceProvider.GetRequiredService<ColleagueInvitations>();
            await Assert.ThrowsAsync<KeyNotFoundException>(() => people.RevokeAsync(othersInvitation));
            Assert.Empty((await people.GetAsync()).Invitations);
            Assert.False((await people.InviteAsync(lead.Email!)).Sent); // an address with an account needs no invitation
        }

        Assert.Contains(log.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains($"named invitation {othersInvitation}", StringComparison.Ordinal));
        await using var db = database.CreateContext();
        Assert.Null((await db.Invitations.SingleAsync(i => i.Id == othersInvitation)).RevokedAt);
    }

    private async Task<(TwoCompanies Companies, PortalUser Lead)> ArrangeAsync()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        await using var db = database.CreateContext();
        var companies = await TestData.CreateTwoCompaniesAsync(db);
        await using var scope = database.Services.CreateAsyncScope();
        var email = $"lead-{TestData.Token()}@a.example";
        var lead = new PortalUser { UserName = email, Email = email, DisplayName = "Lead Person", CompanyId = companies.A.Id, IsLeadRespondent = true, CreatedAt = TestData.Now };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().CreateAsync(lead)).Succeeded);
        return (companies, lead);
    }

    private async Task<string> SentTokenAsync(string to)
    {
        await QueuedMail.SendDueAsync(database.Services);
        var outbox = database.Storage.Combine("outbox");
        foreach (var file in Directory.GetFiles(outbox, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => m.Address == to))
            {
                Assert.Contains("Lead Person invited you", message.Subject, StringComparison.Ordinal);
                return Link().Match(message.TextBody ?? string.Empty).Groups[1].Value;
            }
        }

        throw new InvalidOperationException($"No invitation to {to} was sent.");
    }

    [GeneratedRegex(@"/invitation/([A-Za-z0-9_-]+)")]
    private static partial Regex Link();
}

public sealed class ColleagueInvitationTestsOnSqlite(SqliteDatabaseFixture database) : ColleagueInvitationTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class ColleagueInvitationTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ColleagueInvitationTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
