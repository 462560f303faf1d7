using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Synthetic;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Catalog;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Benchmarks;

/// <summary>
/// The catalog at full size: imports an N-recording synthetic CSV into a fresh SQLite database and times it
/// against CsvHelper parsing the same file in the same run, with the process's peak memory during the import;
/// then times searches on the imported catalog. A scenario rather than a BenchmarkDotNet class because one
/// import takes seconds and changes the database it runs on.
/// </summary>
internal static class CatalogScenario
{
    public static async Task<int> RunAsync(int recordings)
    {
        using var work = new ScratchDirectory();
        Console.WriteLine($"Writing a synthetic catalog of {recordings:N0} recordings to {work.Path} ...");
        SyntheticCatalogFiles.Write(work.Path, recordings, listRows: 0);
        var file = Path.Combine(work.Path, SyntheticCatalogFiles.RecordingsFile);
        Console.WriteLine($"recordings.csv: {new FileInfo(file).Length / 1e6:F1} MB");

        var parse = Best(3, () => Measurements.ParseFields(file));
        var parseRecords = Best(3, () => ParseRecords(file));
        var read = Best(2, () => ReadAndValidate(file));
        var keyed = Best(1, () => ReadValidateAndKey(file));
        var floor = Best(1, () => SqliteFloor.Load(file, Path.Combine(work.Path, "floor.db")));

        var database = Path.Combine(work.Path, "catalog.db");
        await using (var db = Context(database))
        {
            await db.Database.MigrateAsync();
        }

        PeakMemory.Reset();
        var before = PeakMemory.CurrentBytes();
        var import = await Measurements.TimeAsync(() => ImportAsync(database, file));
        var peak = PeakMemory.PeakBytes();
        var reimport = await Measurements.TimeAsync(() => ImportAsync(database, file));

        Console.WriteLine();
        Console.WriteLine($"| Step ({recordings:N0} recordings)              | Time     | Rows/s     | Ratio to parse |");
        Console.WriteLine("|---------------------------------------|----------|------------|----------------|");
        Row("CsvHelper parse, fields only", parse, recordings, parseRecords);
        Row("CsvHelper parse into records (baseline)", parseRecords, recordings, parseRecords);
        Row("read + validate (no database)", read, recordings, parseRecords);
        Row("+ title/artist keys (no database)", keyed, recordings, parseRecords);
        Row("SQLite alone: fields + 5 indexes (floor)", floor, recordings, parseRecords);
        Row("import into empty SQLite", import, recordings, parseRecords);
        Row("re-import of the same file", reimport, recordings, parseRecords);
        Console.WriteLine();
        Console.WriteLine($"Peak memory during the import: {peak / 1048576.0:F0} MiB (process working set before it: {before / 1048576.0:F0} MiB)");
        Console.WriteLine($"Import target: at most 4x the parse into records -> {(import / parseRecords <= 4 ? "met" : "NOT met")} ({import / parseRecords:F2}x; {import / parse:F2}x the fields-only parse); peak under 1 GiB -> {(peak < 1L << 30 ? "met" : "NOT met")}");
        Console.WriteLine($"SQLite alone, storing the bare fields with five indexes, takes {floor / parseRecords:F2}x the parse; the import takes {import / floor:F2}x that floor");

        await CatalogSearchScenario.RunAsync(() => Context(database), file);
        return 0;
    }

    private static PortalDbContext Context(string database) =>
        new(PortalDatabase.Options(DatabaseProvider.Sqlite, $"Data Source={database}"), CompanyScope.Staff());

    private static async Task ImportAsync(string database, string file)
    {
        await using var db = Context(database);
        await using var stream = File.OpenRead(file);
        var version = await new CatalogImporter(db, TimeProvider.System).ImportAsync(stream, Path.GetFileName(file), CatalogKind.Recordings);
        Console.WriteLine($"  imported: {version.Rows:N0} rows, {version.Added:N0} added, {version.Changed:N0} changed, {version.Unchanged:N0} unchanged, {version.Rejected:N0} rejected");
    }

    // What "CsvHelper parses the file" means to most code: each line becomes a typed record by its header.
    private static long ParseRecords(string file)
    {
        using var reader = new StreamReader(file);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<RecordingLine>().LongCount();
    }

    private static long ReadAndValidate(string file)
    {
        using var stream = File.OpenRead(file);
        return CatalogFileReader.Read(stream, CatalogKind.Recordings).LongCount(r => r.Accepted);
    }

    private static long ReadValidateAndKey(string file)
    {
        using var stream = File.OpenRead(file);
        return CatalogFileReader.Read(stream, CatalogKind.Recordings)
            .Select(r => r.Item as CatalogRecordingRow)
            .LongCount(r => r is not null && CatalogKeys.Title(r.Title).Length + CatalogKeys.Artist(r.Artist).Length > 0);
    }

    private static TimeSpan Best(int runs, Func<long> work)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(work());
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return best;
    }

    private static void Row(string step, TimeSpan time, int rows, TimeSpan baseline) =>
        Console.WriteLine($"| {step,-37} | {time.TotalSeconds,6:F2} s | {rows / time.TotalSeconds,10:N0} | {time / baseline,13:F2}x |");
}

/// <summary>A line of the synthetic recordings file, for the CsvHelper baseline.</summary>
internal sealed class RecordingLine
{
    [CsvHelper.Configuration.Attributes.Name("recording_id")]
    public string? RecordingId { get; set; }

    [CsvHelper.Configuration.Attributes.Name("isrc")]
    public string? Isrc { get; set; }

    [CsvHelper.Configuration.Attributes.Name("title")]
    public string? Title { get; set; }

    [CsvHelper.Configuration.Attributes.Name("version")]
    public string? Version { get; set; }

    [CsvHelper.Configuration.Attributes.Name("main_artist")]
    public string? MainArtist { get; set; }

    [CsvHelper.Configuration.Attributes.Name("featured_artists")]
    public string? FeaturedArtists { get; set; }

    [CsvHelper.Configuration.Attributes.Name("duration_seconds")]
    public int? DurationSeconds { get; set; }

    [CsvHelper.Configuration.Attributes.Name("year")]
    public int? Year { get; set; }

    [CsvHelper.Configuration.Attributes.Name("label")]
    public string? Label { get; set; }

    [CsvHelper.Configuration.Attributes.Name("composition_id")]
    public string? CompositionId { get; set; }

    [CsvHelper.Configuration.Attributes.Name("release_id")]
    public string? ReleaseId { get; set; }
}

/// <summary>The process's resident memory high-water mark, from /proc (Linux), resettable between steps.</summary>
internal static class PeakMemory
{
    public static void Reset()
    {
        GC.Collect();
        // Writing 5 to clear_refs resets VmHWM to the current resident size (Linux 4.0+).
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static long PeakBytes() => Status("VmHWM:") ?? Process.GetCurrentProcess().PeakWorkingSet64;

    public static long CurrentBytes() => Status("VmRSS:") ?? Environment.WorkingSet;

    private static long? Status(string field)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return null;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? null : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}

internal sealed class ScratchDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("portal-bench-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
