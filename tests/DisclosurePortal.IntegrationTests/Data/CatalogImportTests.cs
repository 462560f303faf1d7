using System.Globalization;
using System.Text;
using CsvHelper;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Synthetic;
using DisclosurePortal.Data.Catalog;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.IntegrationTests.Data;

/// <summary>Catalog files go into the database as upserts with a version and counts; a refused file changes nothing.</summary>
public abstract class CatalogImportTests(DatabaseFixture database) : IDisposable
{
    private const int Recordings = 120;
    private readonly TempDirectory folder = new("catalog-import");

    public void Dispose()
    {
        folder.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task Imports_a_synthetic_catalog_then_reimports_unchanged_then_sees_changes()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        var summary = SyntheticCatalogFiles.Write(folder.Path, Recordings, listRows: 5);

        var compositions = await ImportAsync(SyntheticCatalogFiles.CompositionsFile, CatalogKind.Compositions);
        var releases = await ImportAsync(SyntheticCatalogFiles.ReleasesFile, CatalogKind.Releases);
        var progress = new List<int>();
        var recordings = await ImportAsync(SyntheticCatalogFiles.RecordingsFile, CatalogKind.Recordings, batchSize: 50, progress: progress.Add);

        Assert.Equal((summary.Compositions, summary.Compositions, 0, 0, 0), Counts(compositions));
        Assert.Equal((summary.Releases, summary.Releases, 0, 0, 0), Counts(releases));
        Assert.Equal((Recordings, Recordings, 0, 0, 0), Counts(recordings));
        Assert.Equal(Recordings, progress[^1]);
        Assert.True(progress.Count >= 3, "progress is reported per batch");
        Assert.Equal(64, recordings.Sha256.Length);

        await using (var db = database.CreateContext())
        {
            // Other tests in this class add their own few rows; count the synthetic ones by their id prefix.
            Assert.Equal(Recordings, await db.CatalogRecordings.CountAsync(r => r.SourceId!.StartsWith("REC-")));
            Assert.Equal(summary.Compositions, await db.CatalogCompositions.CountAsync(c => c.SourceId!.StartsWith("WRK-")));
            Assert.Equal(summary.Releases, await db.CatalogReleases.CountAsync(r => r.SourceId!.StartsWith("REL-")));
            Assert.True(await db.CompositionWriters.CountAsync() >= summary.Compositions);

            // Every recording reaches its composition and its release through the label's own ids.
            Assert.Equal(0, await db.CatalogRecordings.CountAsync(r => r.SourceId!.StartsWith("REC-") && r.CompositionId == null));
            Assert.Equal(Recordings, await db.ReleaseTracks.CountAsync(t => db.CatalogReleases.Any(r => r.Id == t.ReleaseId && r.SourceId!.StartsWith("REL-"))));
            var first = await db.CatalogRecordings.Include(r => r.Composition).SingleAsync(r => r.SourceId == SyntheticLabelCatalog.RecordingId(0));
            Assert.Equal(first.CompositionSourceId, first.Composition!.SourceId);
            Assert.Equal(recordings.Id, first.CatalogVersionId);
            Assert.NotEmpty(first.TitleKey);
        }

        // The same file again: nothing added or changed, no duplicates.
        var again = await ImportAsync(SyntheticCatalogFiles.RecordingsFile, CatalogKind.Recordings);
        Assert.Equal((Recordings, 0, 0, Recordings, 0), Counts(again));
        var compositionsAgain = await ImportAsync(SyntheticCatalogFiles.CompositionsFile, CatalogKind.Compositions);
        Assert.Equal((summary.Compositions, 0, 0, summary.Compositions, 0), Counts(compositionsAgain));

        // Two titles changed, one row broken, one new row.
        var path = folder.Combine(SyntheticCatalogFiles.RecordingsFile);
        var rows = ReadCsv(path);
        rows[1][2] = "Changed One";
        rows[2][2] = "Changed Two";
        rows[3] = ["REC-BROKEN", "NOT-AN-ISRC", "Broken", "", "Band", "", "200", "2001", "Label", "", ""];
        rows.Add(["REC-NEW", "ZZX992600001", "Brand New", "", "Band", "", "200", "2026", "Label", "", ""]);
        WriteCsv(path, rows);

        var rejected = new List<CatalogFileRow>();
        var modified = await ImportAsync(SyntheticCatalogFiles.RecordingsFile, CatalogKind.Recordings, rejected: rejected.Add);
        Assert.Equal((Recordings + 1, 1, 2, Recordings - 3, 1), Counts(modified));
        Assert.Equal(modified.Rows, modified.Added + modified.Changed + modified.Unchanged + modified.Rejected);
        var report = Assert.Single(rejected);
        Assert.Equal((4, "ISRC 'NOT-AN-ISRC' is not valid"), (report.Line, report.RejectionReason));

        await using (var db = database.CreateContext())
        {
            Assert.Equal(Recordings + 1, await db.CatalogRecordings.CountAsync(r => r.SourceId!.StartsWith("REC-")));
            var changed = await db.CatalogRecordings.SingleAsync(r => r.Title == "Changed One");
            Assert.Equal(modified.Id, changed.CatalogVersionId);
            Assert.Equal("changed one", changed.TitleKey);
            Assert.Equal(6, await db.CatalogVersions.CountAsync(v => v.Id >= compositions.Id));
        }
    }

    [SkippableFact]
    public async Task A_work_first_listed_without_an_iswc_gains_it_later_and_a_upc_meets_its_ean_form()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        File.WriteAllText(folder.Combine("works-1.csv"), "Work ID,Title,Writers\nW-900,Lonely Work,Ann Lee\n");
        File.WriteAllText(folder.Combine("works-2.csv"), "Work ID,ISWC,Title,Writers,IPI\nW-900,T-034.524.680-1,Lonely Work,Ann Lee; Bo Dee,00014107338\n");
        File.WriteAllText(folder.Combine("albums-1.csv"), "UPC,Album,Artist\n036000291452,Barcode Album,Band\n");
        File.WriteAllText(folder.Combine("albums-2.tsv"), "EAN\tAlbum\tArtist\n0036000291452\tBarcode Album\tBand\n");

        Assert.Equal((1, 1, 0, 0, 0), Counts(await ImportAsync("works-1.csv", CatalogKind.Compositions)));
        Assert.Equal((1, 0, 1, 0, 0), Counts(await ImportAsync("works-2.csv", CatalogKind.Compositions)));
        Assert.Equal((1, 1, 0, 0, 0), Counts(await ImportAsync("albums-1.csv", CatalogKind.Releases)));
        Assert.Equal((1, 0, 0, 1, 0), Counts(await ImportAsync("albums-2.tsv", CatalogKind.Releases)));

        await using var db = database.CreateContext();
        var work = await db.CatalogCompositions.Include(c => c.Writers).SingleAsync(c => c.SourceId == "W-900");
        Assert.Equal("T0345246801", work.Iswc);
        Assert.Equal([("Ann Lee", "00014107338"), ("Bo Dee", null)], work.Writers.OrderBy(w => w.Name).Select(w => (w.Name, w.IpiNameNumber)));
        Assert.Equal(1, await db.CatalogReleases.CountAsync(r => r.Gtin == "0036000291452"));
    }

    [SkippableFact]
    public async Task Track_numbers_from_the_file_place_recordings_on_their_release_and_move_when_changed()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        File.WriteAllText(folder.Combine("album.csv"), "release_id,EAN,Title,Artist\nALB-7,4006381333931,Numbered,Band\n");
        File.WriteAllText(folder.Combine("tracks-1.csv"), "ISRC,Title,Artist,release_id,track_number\nQZX992600001,One,Band,ALB-7,1\nQZX992600002,Two,Band,ALB-7,2\n");
        File.WriteAllText(folder.Combine("tracks-2.csv"), "ISRC,Title,Artist,release_id,track_number,disc\nQZX992600001,One,Band,ALB-7,1,\nQZX992600002,Two,Band,ALB-7,5,2\n");

        // Recordings first: the tracks appear when the release arrives.
        Assert.Equal((2, 2, 0, 0, 0), Counts(await ImportAsync("tracks-1.csv", CatalogKind.Recordings)));
        Assert.Equal((1, 1, 0, 0, 0), Counts(await ImportAsync("album.csv", CatalogKind.Releases)));
        Assert.Equal([(1, (int?)1), (1, 2)], await TracksAsync());

        Assert.Equal((2, 0, 1, 1, 0), Counts(await ImportAsync("tracks-2.csv", CatalogKind.Recordings)));
        Assert.Equal([(1, (int?)1), (2, 5)], await TracksAsync());

        async Task<List<(int, int?)>> TracksAsync()
        {
            await using var db = database.CreateContext();
            var tracks = await db.ReleaseTracks.Where(t => db.CatalogReleases.Any(r => r.Id == t.ReleaseId && r.SourceId == "ALB-7"))
                .OrderBy(t => t.RecordingId).Select(t => new { t.DiscNumber, t.TrackNumber }).ToListAsync();
            return tracks.Select(t => (t.DiscNumber, t.TrackNumber)).ToList();
        }
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("title,artist\nA,B\n")]
    [InlineData("isrc,title,artist\n")]
    public async Task A_refused_file_changes_nothing(string content)
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        var before = await SnapshotAsync();
        File.WriteAllText(folder.Combine("bad.csv"), content);

        await Assert.ThrowsAsync<CatalogFileException>(() => ImportAsync("bad.csv", CatalogKind.Recordings));

        Assert.Equal(before, await SnapshotAsync());
    }

    [SkippableFact]
    public async Task A_binary_file_is_refused_and_changes_nothing()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        var before = await SnapshotAsync();
        File.WriteAllBytes(folder.Combine("bad.bin"), [0x50, 0x4B, 3, 4, 0, 0, 1, 2, 3]);

        await Assert.ThrowsAsync<CatalogFileException>(() => ImportAsync("bad.bin", CatalogKind.Releases));

        Assert.Equal(before, await SnapshotAsync());
    }

    [SkippableFact]
    public async Task A_file_that_goes_bad_half_way_is_rolled_back_whole()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        var before = await SnapshotAsync();
        var text = new StringBuilder("ISRC,Title,Artist\n");
        for (var i = 0; i < 400; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"QZY99260{i:0000},Title {i},Band\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString()).Concat(Encoding.Latin1.GetBytes("QZY992609999,Café,Band\n")).ToArray();
        File.WriteAllBytes(folder.Combine("half.csv"), bytes);

        // Batches of 50 have been saved by the time the bad bytes are read; the transaction takes them back.
        await Assert.ThrowsAsync<CatalogFileException>(() => ImportAsync("half.csv", CatalogKind.Recordings, batchSize: 50));

        Assert.Equal(before, await SnapshotAsync());
    }

    private static List<string[]> ReadCsv(string path)
    {
        using var reader = new CsvReader(new StreamReader(path), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Parser.Record!);
        }

        return rows;
    }

    private static void WriteCsv(string path, List<string[]> rows)
    {
        using var writer = new CsvWriter(new StreamWriter(path, append: false, new UTF8Encoding(false)), CultureInfo.InvariantCulture);
        foreach (var row in rows)
        {
            foreach (var cell in row)
            {
                writer.WriteField(cell);
            }

            writer.NextRecord();
        }
    }

    private static (int Rows, int Added, int Changed, int Unchanged, int Rejected) Counts(CatalogVersion v) =>
        (v.Rows, v.Added, v.Changed, v.Unchanged, v.Rejected);

    private async Task<(int, int, int, int)> SnapshotAsync()
    {
        await using var db = database.CreateContext();
        return (await db.CatalogRecordings.CountAsync(), await db.CatalogReleases.CountAsync(), await db.CatalogCompositions.CountAsync(), await db.CatalogVersions.CountAsync());
    }

    private async Task<CatalogVersion> ImportAsync(
        string file, CatalogKind kind, int batchSize = 1000, Action<int>? progress = null, Action<CatalogFileRow>? rejected = null)
    {
        await using var db = database.CreateContext();
        await using var stream = File.OpenRead(folder.Combine(file));
        var importer = new CatalogImporter(db, new FixedTimeProvider(TestData.Now));
        return await importer.ImportAsync(stream, file, kind, new CatalogImportOptions { BatchSize = batchSize, Progress = progress, Rejected = rejected });
    }
}

public sealed class CatalogImportTestsOnSqlite(SqliteDatabaseFixture database) : CatalogImportTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class CatalogImportTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : CatalogImportTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
