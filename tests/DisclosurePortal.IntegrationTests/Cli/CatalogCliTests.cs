using DisclosurePortal.Core.Synthetic;
using DisclosurePortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.IntegrationTests.Cli;

/// <summary>`portal import-catalog` imports a file, prints the counts and writes the rejected rows as CSV.</summary>
public abstract class CatalogCliTests(DatabaseFixture database)
{
    [SkippableFact]
    public async Task Imports_recordings_and_writes_the_rejected_rows_report()
    {
        database.RequireAvailable();
        using var folder = new TempDirectory("catalog-cli");
        SyntheticCatalogFiles.Write(folder.Path, recordings: 40, listRows: 1);
        var recordings = folder.Combine(SyntheticCatalogFiles.RecordingsFile);
        File.AppendAllText(recordings, "REC-BAD,=1+2,Bad,,Band,,100,2000,Label,,\n");
        var report = folder.Combine("report.csv");
        var environment = new Dictionary<string, string?> { ["Storage__DataDirectory"] = database.Storage.Path };

        var result = await PortalCli.RunAsync(
            ["import-catalog", recordings, "--kind", "Recordings", "--report", report, "--provider", database.Provider.ToString(), "--connection", database.ConnectionString],
            environment);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("41 rows, 40 added, 0 changed, 0 unchanged, 0 removed, 1 rejected", result.Output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(report);
        Assert.Equal("line,reason", lines[0].TrimStart('\uFEFF'));
        Assert.Equal("42,ISRC '=1+2' is not valid", Assert.Single(lines[1..]).Replace("\"", string.Empty, StringComparison.Ordinal));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(40, await db.CatalogRecordings.CountAsync());
        }

        var refused = await PortalCli.RunAsync(
            ["import-catalog", report, "--kind", "Releases", "--provider", database.Provider.ToString(), "--connection", database.ConnectionString],
            environment);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("nothing was imported", refused.Error, StringComparison.Ordinal);
    }
}

public sealed class CatalogCliTestsOnSqlite(SqliteDatabaseFixture database) : CatalogCliTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class CatalogCliTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : CatalogCliTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
