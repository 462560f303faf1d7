using System.Globalization;
using System.Text;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Data.Catalog;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.IntegrationTests.Data;

/// <summary>
/// The first load into an empty catalog drops the table's indexes and builds them again at the end; whether it
/// succeeds or fails, the indexes are there afterwards. Each subclass has a database of its own, so it starts empty.
/// </summary>
public abstract class CatalogFirstLoadTests(DatabaseFixture database) : IDisposable
{
    private readonly TempDirectory folder = new("catalog-first-load");

    public void Dispose()
    {
        folder.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task A_failed_first_load_leaves_the_catalog_empty_with_its_indexes_and_a_good_one_rebuilds_them()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();

        // 300 good rows in batches of 50 are written before the bad bytes are read; the transaction takes them back.
        var good = Recordings("QZB", 300);
        File.WriteAllBytes(folder.Combine("half.csv"), Encoding.UTF8.GetBytes(good).Concat(Encoding.Latin1.GetBytes("QZBX00099999,Café,Band\n")).ToArray());
        await Assert.ThrowsAsync<CatalogFileException>(() => CatalogFiles.ImportAsync(database, folder.Combine("half.csv"), batchSize: 50));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.CatalogRecordings.CountAsync());
        }

        await AssertIsrcIsUniqueAsync("QZBX00000001");

        File.WriteAllText(folder.Combine("good.csv"), good);
        var version = await CatalogFiles.ImportAsync(database, folder.Combine("good.csv"), batchSize: 50);
        Assert.Equal((300, 300, 0), (version.Rows, version.Added, version.Rejected));
        await AssertIsrcIsUniqueAsync("QZBX00000002");

        // The key indexes answer searches again.
        await using var search = database.CreateContext();
        var page = await CatalogSearch.SearchAsync(search, new CatalogQuery(CatalogKind.Recordings, "Title 12", null), 0, 25);
        Assert.Contains(page.Items, i => i.Title == "Title 12");
    }

    internal static string Recordings(string prefix, int count, Func<int, string>? title = null)
    {
        var text = new StringBuilder("ISRC,Title,Artist\n");
        for (var i = 1; i <= count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{prefix}X0000{i:0000},{title?.Invoke(i) ?? $"Title {i}"},Band {i % 7}\n");
        }

        return text.ToString();
    }

    private async Task AssertIsrcIsUniqueAsync(string isrc)
    {
        await using var db = database.CreateContext();
        db.CatalogRecordings.AddRange(
            new CatalogRecording { Isrc = isrc, Title = "Probe", Artist = "Probe" },
            new CatalogRecording { Isrc = isrc, Title = "Probe", Artist = "Probe" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}

public sealed class CatalogFirstLoadTestsOnSqlite(SqliteDatabaseFixture database) : CatalogFirstLoadTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class CatalogFirstLoadTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : CatalogFirstLoadTests(database), IClassFixture<PostgreSqlDatabaseFixture>;

/// <summary>A file declared complete marks what it no longer lists as removed; nothing is deleted, and a later file brings it back.</summary>
public abstract class CatalogCompleteImportTests(DatabaseFixture database) : IDisposable
{
    private readonly TempDirectory folder = new("catalog-complete");

    public void Dispose()
    {
        folder.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task A_complete_file_marks_missing_entries_removed_and_a_later_file_brings_them_back()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        File.WriteAllText(folder.Combine("all.csv"), CatalogFirstLoadTests.Recordings("QZC", 5));
        // Recording 5 is gone and recording 1 has a new title.
        File.WriteAllText(folder.Combine("four.csv"), CatalogFirstLoadTests.Recordings("QZC", 4, i => i == 1 ? "Title one, renamed" : $"Title {i}"));

        await CatalogFiles.ImportAsync(database, folder.Combine("all.csv"));
        var complete = await CatalogFiles.ImportAsync(database, folder.Combine("four.csv"), complete: true);
        Assert.Equal((4, 0, 1, 3, 1), (complete.Rows, complete.Added, complete.Changed, complete.Unchanged, complete.Removed));
        Assert.True(complete.Complete);

        await using (var db = database.CreateContext())
        {
            var gone = await db.CatalogRecordings.SingleAsync(r => r.Isrc == "QZCX00000005");
            Assert.Equal(complete.Id, gone.RemovedInVersionId);
            Assert.Equal(5, await db.CatalogRecordings.CountAsync());
            Assert.Equal(0, (await CatalogSearch.SearchAsync(db, new CatalogQuery(CatalogKind.Recordings, "QZCX00000005", null), 0, 10)).TotalCount);
        }

        // The same complete file again changes nothing; a partial file listing the removed one restores it.
        var again = await CatalogFiles.ImportAsync(database, folder.Combine("four.csv"), complete: true);
        Assert.Equal((0, 0, 4, 0), (again.Added, again.Changed, again.Unchanged, again.Removed));
        var restored = await CatalogFiles.ImportAsync(database, folder.Combine("all.csv"));
        Assert.Equal((0, 2, 3, 0), (restored.Added, restored.Changed, restored.Unchanged, restored.Removed));
        await using (var db = database.CreateContext())
        {
            Assert.Null((await db.CatalogRecordings.SingleAsync(r => r.Isrc == "QZCX00000005")).RemovedInVersionId);
            Assert.Equal(1, (await CatalogSearch.SearchAsync(db, new CatalogQuery(CatalogKind.Recordings, "qz-cx0-00-00005", null), 0, 10)).TotalCount);
        }
    }
}

public sealed class CatalogCompleteImportTestsOnSqlite(SqliteDatabaseFixture database) : CatalogCompleteImportTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class CatalogCompleteImportTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : CatalogCompleteImportTests(database), IClassFixture<PostgreSqlDatabaseFixture>;

internal static class CatalogFiles
{
    public static async Task<CatalogVersion> ImportAsync(DatabaseFixture database, string path, int batchSize = 1000, bool complete = false)
    {
        await using var db = database.CreateContext();
        await using var stream = File.OpenRead(path);
        return await new CatalogImporter(db, new FixedTimeProvider(TestData.Now))
            .ImportAsync(stream, Path.GetFileName(path), CatalogKind.Recordings, new CatalogImportOptions { BatchSize = batchSize, Complete = complete });
    }
}
