using System.Text;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Catalog;

/// <summary>The admin's import path: file staged in storage, inspected, imported by the background jobs, report kept.</summary>
public abstract class CatalogImportServiceTests(DatabaseFixture database)
{
    private const string File = "ISRC Code;Song Title;Artist Name\nQZS0S2600001;First;Band\nQZS0S2600002;Second;Band\nbad;Third;Band\n";

    [SkippableFact]
    public Task An_admin_stages_inspects_and_imports_a_file_in_the_background_and_the_report_is_kept() => WithJobsAsync(async (imports, jobs) =>
    {
        var received = new List<long>();
        var staged = await imports.StageAsync("../../export;1.csv", new MemoryStream(Encoding.UTF8.GetBytes(File)), received.Add);
        Assert.Equal("export;1.csv", staged.FileName); // no folders from the browser's name
        Assert.Equal(Encoding.UTF8.GetByteCount(File), staged.Length);
        Assert.Equal(staged.Length, received[^1]);
        Assert.StartsWith(database.Storage.Path, staged.Path, StringComparison.Ordinal);

        var inspection = await imports.InspectAsync(staged, CatalogKind.Recordings);
        Assert.Equal(["ISRC Code", "Song Title", "Artist Name"], inspection.Headers);
        Assert.Equal("Song Title", inspection.SuggestedMapping[CatalogField.Title]);
        Assert.Empty(inspection.MissingFields);

        var run = await FinishedAsync(await imports.StartAsync(staged, CatalogKind.Recordings, inspection.SuggestedMapping, complete: false));
        Assert.Equal(CatalogImportState.Finished, run.State);
        Assert.Equal((3, 2, 1), (run.Version!.Rows, run.Version.Added, run.Version.Rejected));
        Assert.Equal(4, Assert.Single(run.FirstRejected).Line);
        var report = await System.IO.File.ReadAllLinesAsync(jobs.ReportPath(run.Version.Id));
        Assert.Equal(["line,reason", "4,ISRC 'bad' is not valid"], report.Select(l => l.TrimStart('\uFEFF')));
        Assert.Contains(await imports.HistoryAsync(), v => v.Id == run.Version.Id);
    });

    [SkippableFact]
    public Task A_refused_file_is_reported_as_refused_by_the_job() => WithJobsAsync(async (imports, _) =>
    {
        var staged = await imports.StageAsync("titles.csv", new MemoryStream(Encoding.UTF8.GetBytes("Title\nOnly a title\n")));
        var run = await FinishedAsync(await imports.StartAsync(staged, CatalogKind.Recordings, new Dictionary<CatalogField, string>(), complete: false));
        Assert.Equal(CatalogImportState.Refused, run.State);
        Assert.Contains("needs columns for Isrc", run.Message, StringComparison.Ordinal);
        Assert.Null(run.Version);
    });

    [SkippableFact]
    public async Task Only_admins_import_and_respondents_do_not_see_the_history()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        foreach (var user in new[] { TestUsers.Reviewer(), TestUsers.Respondent(1) })
        {
            await using var scope = database.Services.SignedInScope(user);
            var imports = scope.ServiceProvider.GetRequiredService<CatalogImportService>();
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => imports.StageAsync("a.csv", new MemoryStream([1, 2, 3])));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => imports.FindAsync(Guid.NewGuid()));
        }

        await using var respondent = database.Services.SignedInScope(TestUsers.Respondent(1));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => respondent.ServiceProvider.GetRequiredService<CatalogImportService>().HistoryAsync());
    }

    private static async Task<CatalogImportRun> FinishedAsync(CatalogImportRun run)
    {
        while (!run.IsOver)
        {
            await Task.Delay(50);
        }

        return run;
    }

    // The background service is not started by the test services; each test runs it for its own imports, as an admin.
    private async Task WithJobsAsync(Func<CatalogImportService, CatalogImportJobs, Task> test)
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        var jobs = database.Services.GetRequiredService<CatalogImportJobs>();
        await jobs.StartAsync(CancellationToken.None);
        try
        {
            await using var scope = database.Services.SignedInScope(TestUsers.Admin());
            await test(scope.ServiceProvider.GetRequiredService<CatalogImportService>(), jobs);
        }
        finally
        {
            await jobs.StopAsync(CancellationToken.None);
        }
    }
}

public sealed class CatalogImportServiceTestsOnSqlite(SqliteDatabaseFixture database) : CatalogImportServiceTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class CatalogImportServiceTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : CatalogImportServiceTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
