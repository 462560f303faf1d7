using System.Security.Claims;
using DisclosurePortal.Core.Auditing;
using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Answers;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Audit;
using DisclosurePortal.Web.Features.Extensions;
using DisclosurePortal.Web.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Auditing;

/// <summary>
/// Real portal actions leave their entries; an entry altered or deleted directly in the database is found by the
/// verifier, both the admin page's service and <c>portal verify-audit</c>, which exits non-zero.
/// </summary>
public abstract class AuditTrailTamperTests(DatabaseFixture fixture) : AuditedActions(fixture)
{
    [SkippableFact]
    public async Task Actions_are_recorded_and_an_entry_altered_in_the_database_is_pointed_at()
    {
        var scenario = await AuditedActionsAsync();
        var entries = await EntriesAsync();
        var extension = entries.Single(e => e.Action == AuditActions.ExtensionRequested && e.CompanyId == scenario.Companies.A.Id);
        Assert.Equal(scenario.RespondentA.FindFirstValue(ClaimTypes.NameIdentifier), extension.ActorId);
        Assert.Contains("Our audit finishes late.", extension.After, StringComparison.Ordinal);
        var granted = entries.Single(e => e.Action == AuditActions.ExtensionGranted && e.EntityId == extension.EntityId);
        Assert.Equal(("admin-user", nameof(ExtensionRequest)), (granted.ActorId, granted.EntityType));
        Assert.Contains("\"status\":\"Requested\"", granted.Before, StringComparison.Ordinal);
        Assert.Contains(entries, e => e.Action == AuditActions.UploadReceived && e.CompanyId == scenario.Companies.A.Id);
        Assert.Contains(entries, e => e.Action == AuditActions.ResponseSubmitted && e.CompanyId == scenario.Companies.A.Id);
        Assert.Equal(entries.Count, (await VerifyAsync()).Checked);
        var ok = await CliAsync();
        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Contains($"OK: {entries.Count} audit entries verified", ok.Output, StringComparison.Ordinal);

        await AlterActorAsync(granted.Sequence, "Somebody Else");
        try
        {
            var result = await VerifyAsync();
            Assert.Equal(new AuditBreak(granted.Sequence, AuditBreakKind.Altered, $"Entry {granted.Sequence} was altered: its content no longer matches its hash."), result.FirstBreak);
            Assert.Equal(granted.Sequence - 1, result.Checked);
            var tampered = await CliAsync();
            Assert.True(tampered.ExitCode == 1, tampered.ToString());
            Assert.Contains($"TAMPERED: entry {granted.Sequence} (altered)", tampered.Output, StringComparison.Ordinal);
        }
        finally
        {
            await AlterActorAsync(granted.Sequence, granted.ActorName);
        }

        Assert.True((await VerifyAsync()).IsIntact);
    }

    [SkippableFact]
    public async Task User_changes_are_recorded_with_the_admin_and_no_password()
    {
        var scenario = await AuditedActionsAsync();
        var email = $"rae-{TestData.Token()}@label.test";
        const string password = "Audit-Trail-2026!";
        Assert.Empty(await scenario.AsAsync(TestUsers.Admin(), sp => sp.GetRequiredService<StaffUserService>().CreateAsync(email, "Rae Reviewer", PortalRoles.Reviewer, null, password)));
        await using (var db = Database.CreateContext())
        {
            var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            await scenario.AsAsync(TestUsers.Admin(), async sp => { await sp.GetRequiredService<StaffUserService>().SetDisabledAsync(id, true); return 0; });
            Assert.Empty(await scenario.AsAsync(TestUsers.Admin(), sp => sp.GetRequiredService<StaffUserService>().ChangeRoleAsync(id, PortalRoles.Admin)));

            var entries = await db.AuditEntries.Where(e => e.EntityType == nameof(PortalUser) && e.EntityId == id).OrderBy(e => e.Sequence).ToListAsync();
            Assert.Equal([AuditActions.UserCreated, AuditActions.UserDisabled, AuditActions.UserRoleChanged], entries.Select(e => e.Action));
            Assert.All(entries, e => Assert.Equal("admin-user", e.ActorId));
            Assert.Contains("\"Reviewer\"", entries[2].Before, StringComparison.Ordinal);
            Assert.Contains("\"Admin\"", entries[2].After, StringComparison.Ordinal);
            Assert.DoesNotContain(entries, e => (e.After ?? string.Empty).Contains(password, StringComparison.Ordinal));
        }

        Assert.True((await VerifyAsync()).IsIntact);
    }

    [SkippableFact]
    public async Task The_admin_pages_service_filters_entries_and_refuses_everyone_but_admins()
    {
        var scenario = await AuditedActionsAsync();
        var page = await scenario.AsAsync(TestUsers.Admin(), sp => sp.GetRequiredService<AuditEntryBrowser>()
            .PageAsync(new AuditFilter { CompanyId = scenario.Companies.A.Id, Action = AuditActions.ExtensionRequested }, 0, 25));
        var row = Assert.Single(page.Rows);
        Assert.Equal((1, scenario.RespondentA.FindFirstValue(ClaimTypes.NameIdentifier), scenario.Companies.A.Name), (page.Total, row.ActorId, row.CompanyName));
        var byActor = await scenario.AsAsync(TestUsers.Admin(), sp => sp.GetRequiredService<AuditEntryBrowser>().PageAsync(new AuditFilter { Actor = "admin-user" }, 0, 25));
        Assert.All(byActor.Rows, r => Assert.Equal("admin-user", r.ActorId));
        var none = await scenario.AsAsync(TestUsers.Admin(), sp => sp.GetRequiredService<AuditEntryBrowser>().PageAsync(new AuditFilter { From = TestData.Now.UtcDateTime.AddDays(1) }, 0, 25));
        Assert.Equal(0, none.Total);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scenario.AsAsync(TestUsers.Reviewer(), sp => sp.GetRequiredService<AuditEntryBrowser>().PageAsync(new AuditFilter(), 0, 25)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scenario.AsAAsync(sp => sp.GetRequiredService<AuditEntryBrowser>().VerifyAsync()));
        await using var respondentDb = Database.CreateContext(CompanyScopeFor(scenario.Companies.A.Id));
        Assert.Equal(0, await respondentDb.AuditEntries.CountAsync());
    }

    private async Task AlterActorAsync(long sequence, string actorName)
    {
        await using var db = Database.CreateContext();
        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"ActorName\" = {actorName} WHERE \"Sequence\" = {sequence}");
    }

    private static DisclosurePortal.Data.CompanyScope CompanyScopeFor(int companyId)
    {
        var scope = new DisclosurePortal.Data.CompanyScope();
        scope.ForCompany(companyId);
        return scope;
    }
}

public sealed class AuditTrailTamperTestsOnSqlite(SqliteDatabaseFixture database) : AuditTrailTamperTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class AuditTrailTamperTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AuditTrailTamperTests(database), IClassFixture<PostgreSqlDatabaseFixture>;

/// <summary>Deleting entries breaks the chain for good, so it runs on a database of its own.</summary>
public abstract class AuditTrailDeletionTests(DatabaseFixture fixture) : AuditedActions(fixture)
{
    [SkippableFact]
    public async Task Entries_deleted_in_the_middle_or_at_the_end_are_reported_missing()
    {
        await AuditedActionsAsync();
        var entries = await EntriesAsync();
        Assert.True(entries.Count >= 4, $"{entries.Count} entries");
        await using (var db = Database.CreateContext())
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {entries[^1].Sequence}");
        }

        Assert.Equal(AuditBreakKind.Missing, (await VerifyAsync()).FirstBreak!.Kind);
        Assert.Equal(entries[^1].Sequence, (await VerifyAsync()).FirstBreak!.Sequence);

        var middle = entries[1].Sequence;
        await using (var db = Database.CreateContext())
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {middle}");
        }

        var result = await VerifyAsync();
        Assert.Equal(new AuditBreak(middle, AuditBreakKind.Missing, $"Entry {middle} is missing: entry {middle + 1} follows entry {middle - 1}."), result.FirstBreak);
        var cli = await CliAsync();
        Assert.True(cli.ExitCode == 1, cli.ToString());
        Assert.Contains($"TAMPERED: entry {middle} (missing)", cli.Output, StringComparison.Ordinal);
    }
}

public sealed class AuditTrailDeletionTestsOnSqlite(SqliteDatabaseFixture database) : AuditTrailDeletionTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class AuditTrailDeletionTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AuditTrailDeletionTests(database), IClassFixture<PostgreSqlDatabaseFixture>;

/// <summary>The actions both trails are made of, and the ways of reading and checking them.</summary>
public abstract class AuditedActions(DatabaseFixture database)
{
    protected DatabaseFixture Database => database;

    /// <summary>A respondent uploads and submits and asks for more time; an admin grants it.</summary>
    private protected async Task<AnswerScenario> AuditedActionsAsync()
    {
        var scenario = await AnswerScenario.CreateAsync(database);
        await scenario.SaveDraftAsync(AnswerScenario.CompleteAnswers());
        var upload = await scenario.UploadAsync("works.csv", "USRC17607839,Song One,Artist One");
        var submitted = await scenario.SubmitAsync([upload]);
        Assert.Empty(submitted.Problems);
        var wished = DateOnly.FromDateTime(scenario.Companies.Request.Deadline.UtcDateTime).AddDays(7);
        var asked = await scenario.AsAAsync(sp => sp.GetRequiredService<ExtensionService>().RequestAsync(scenario.Companies.ResponseA.Id, "Our audit finishes late.", wished));
        Assert.True(asked.Done, string.Join(" ", asked.Problems));
        var id = (await scenario.AsAAsync(sp => sp.GetRequiredService<ExtensionService>().HistoryAsync(scenario.Companies.ResponseA.Id))).Single().Id;
        Assert.True((await scenario.AsAsync(TestUsers.Admin(), sp => sp.GetRequiredService<ExtensionService>().GrantAsync(id, wished, null))).Done);
        return scenario;
    }

    protected async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var db = database.CreateContext();
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    protected async Task<AuditVerification> VerifyAsync()
    {
        await using var db = database.CreateContext();
        return await AuditTrailCheck.VerifyAsync(db, pageSize: 3);
    }

    protected Task<CliResult> CliAsync() =>
        PortalCli.RunAsync(["verify-audit", "--provider", database.Provider.ToString(), "--connection", database.ConnectionString, "--page-size", "2"],
            new Dictionary<string, string?> { ["Storage__DataDirectory"] = database.Storage.Path });
}
