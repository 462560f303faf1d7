using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Core.Reconciliation;
using DisclosurePortal.Core.Synthetic;
using Npgsql;
using NpgsqlTypes;

namespace DisclosurePortal.Benchmarks;

/// <summary>
/// Reconciliation at full size: an N-row synthetic list against an N-recording catalog from files, read + index,
/// then read + match + write CSV, timed against a CsvHelper parse of the same list in the same run; peak memory;
/// index memory per entry; F1 against the gold; and the same candidate search done by PostgreSQL's pg_trgm
/// (similarity() over a GIN trigram index on the same text) on a sample of rows, both sides on the same 2 threads.
/// </summary>
internal static class ReconcileScenario
{
    public static async Task<int> RunAsync(int size, int sample)
    {
        using var work = new ScratchDirectory();
        Console.WriteLine($"Writing a synthetic catalog of {size:N0} recordings and a list of {size:N0} rows to {work.Path} ...");
        SyntheticCatalogFiles.Write(work.Path, size, size);
        string File(string name) => Path.Combine(work.Path, name);

        var parse = Measurements.Time(() => Measurements.ParseFields(File(SyntheticCatalogFiles.TrainingListFile)));
        var cpuStart = Environment.CpuUsage.TotalTime;

        PeakMemory.Reset();
        var before = PeakMemory.CurrentBytes();
        CatalogFiles? catalog = null;
        var load = Measurements.Time(() => catalog = CatalogFiles.Load(File(SyntheticCatalogFiles.RecordingsFile), File(SyntheticCatalogFiles.CompositionsFile), File(SyntheticCatalogFiles.ReleasesFile)));
        var matchesFile = File("matches.csv");
        var match = Measurements.Time(() =>
        {
            using var works = System.IO.File.OpenRead(File(SyntheticCatalogFiles.TrainingListFile));
            using var output = new StreamWriter(matchesFile);
            FileReconciliation.Run(catalog!, works, output);
        });
        var peak = PeakMemory.PeakBytes();
        var cpu = Environment.CpuUsage.TotalTime - cpuStart;
        var quality = GoldCheck.Evaluate(matchesFile, File(SyntheticCatalogFiles.GoldFile), null);

        var total = load + match;
        Console.WriteLine();
        Console.WriteLine($"| step ({size:N0} rows, {size:N0} recordings, {Environment.ProcessorCount} cores) | time | rows/s | ratio to parse |");
        Console.WriteLine("|---|---:|---:|---:|");
        Row("CsvHelper parse of the list, fields only (baseline)", parse, size, parse);
        Row("read catalog files + build index", load, size, parse);
        Row("read list + match + write CSV", match, size, parse);
        Row("total", total, size, parse);
        Console.WriteLine();
        Console.WriteLine($"Peak memory: {peak / 1048576.0:N0} MiB (working set before loading: {before / 1048576.0:N0} MiB)");
        Console.WriteLine($"Target <= 60 s for read + index + match + write: {(total.TotalSeconds <= 60 ? "met" : "NOT met")} ({total.TotalSeconds:0.0} s); " +
            $"CPU time used {cpu.TotalSeconds:0.0} s on {Environment.ProcessorCount} cores (load average now {Measurements.LoadAverage()})");
        var accepted = quality.AtLeast(MatchTier.Possible);
        Console.WriteLine($"F1 against gold (any tier): {accepted.F1:0.0000} (precision {accepted.Precision:0.0000}, recall {accepted.Recall:0.0000}); " +
            $"exact precision {quality.Of(MatchTier.Exact).Precision:0.0000}, high precision {quality.Of(MatchTier.High).Precision:0.0000}");

        IndexMemory(size);
        await PgTrgmComparison(work.Path, catalog!, sample);
        return 0;
    }

    // The index alone, from entries streamed out of the generator, so nothing else is held while it is measured.
    private static void IndexMemory(int size)
    {
        var synthetic = new SyntheticLabelCatalog(size);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var index = CatalogIndex.Build(
            synthetic.Recordings().Select((r, i) => new RecordingEntry(i, r.Isrc.Value, r.Title, r.Version, r.MainArtist, r.FeaturedArtists, null, r.DurationSeconds, r.Year,
                Number(r.CompositionId), Number(r.ReleaseId))),
            synthetic.Compositions().Select(c => new CompositionEntry(Number(c.Id), c.Iswc.Value, c.Title, c.Writers.Select(w => w.Name).ToList())),
            synthetic.Releases().Select(r => new ReleaseEntry(Number(r.Id), r.Barcode.Value, r.Title, r.MainArtist, r.Year)));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var entries = index.RecordingCount + index.CompositionCount + index.ReleaseCount;
        Console.WriteLine($"Index memory: {(after - before) / 1048576.0:N0} MiB for {entries:N0} entries ({index.RecordingCount:N0} recordings, {index.CompositionCount:N0} compositions, " +
            $"{index.ReleaseCount:N0} releases, {index.WordCount:N0} distinct words) = {(double)(after - before) / entries:N0} bytes per entry, " +
            $"{(double)(after - before) / index.RecordingCount:N0} per recording (target <= 1,024)");
        GC.KeepAlive(index);
    }

    private static long Number(string id) => long.Parse(id.AsSpan(4), CultureInfo.InvariantCulture);

    private static async Task PgTrgmComparison(string folder, CatalogFiles catalog, int sample)
    {
        using var server = ThrowawayPostgres.Start();
        if (server is null)
        {
            return;
        }

        await using var source = NpgsqlDataSource.Create(server.ConnectionString);
        await using (var command = source.CreateCommand("CREATE EXTENSION pg_trgm; CREATE UNLOGGED TABLE recording (id text, search text)"))
        {
            await command.ExecuteNonQueryAsync();
        }

        // The same words the engine compares: normalised title, version and credits of each recording.
        var copy = Stopwatch.StartNew();
        await using (var connection = await source.OpenConnectionAsync())
        await using (var writer = await connection.BeginBinaryImportAsync("COPY recording (id, search) FROM STDIN (FORMAT BINARY)"))
        {
            await using var stream = System.IO.File.OpenRead(Path.Combine(folder, SyntheticCatalogFiles.RecordingsFile));
            foreach (var row in CatalogFileReader.Read(stream, CatalogKind.Recordings))
            {
                if (row.Item is CatalogRecordingRow r)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(r.SourceId, NpgsqlDbType.Text);
                    await writer.WriteAsync(SearchText(r.Title, r.Version, string.Join(" ", [r.Artist, .. r.FeaturedArtists])), NpgsqlDbType.Text);
                }
            }

            await writer.CompleteAsync();
        }

        var loaded = copy.Elapsed;
        copy.Restart();
        await using (var command = source.CreateCommand("CREATE INDEX recording_search ON recording USING gin (search gin_trgm_ops); ANALYZE recording"))
        {
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"pg_trgm: COPY {catalog.Index.RecordingCount:N0} recordings {loaded.TotalSeconds:0.0} s, GIN trigram index {copy.Elapsed.TotalSeconds:0.0} s");

        // The sample: evenly spaced rows of the list, with their gold.
        var gold = GoldCheck.ReadGold(Path.Combine(folder, SyntheticCatalogFiles.GoldFile));
        List<ListedRow> rows;
        await using (var list = System.IO.File.OpenRead(Path.Combine(folder, SyntheticCatalogFiles.TrainingListFile)))
        {
            var all = WorkListFile.Read(list).ToList();
            var step = Math.Max(1, all.Count / sample);
            rows = all.Where((_, i) => i % step == 0).Take(sample).ToList();
        }

        var inCatalog = rows.Count(r => gold[r.RowId] is not null);
        var threads = Environment.ProcessorCount;

        var pgFound = new ConcurrentDictionary<string, string[]>();
        var pgTime = await Measurements.TimeAsync(() => Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = threads }, async (row, ct) =>
        {
            await using var command = source.CreateCommand("SELECT id FROM recording WHERE search % $1 ORDER BY similarity(search, $1) DESC LIMIT 3");
            command.Parameters.AddWithValue(SearchText(row.Work.Title, null, row.Work.Artist));
            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetString(0));
            }

            pgFound[row.RowId] = [.. ids];
        }));

        var engineFound = new ConcurrentDictionary<string, string[]>();
        var engineTime = Measurements.Time(() => Parallel.ForEach(rows, new ParallelOptions { MaxDegreeOfParallelism = threads }, row =>
            engineFound[row.RowId] = catalog.Index.Match(row.Work).Candidates.Select(c => catalog.NameOf(c.Kind, c.CatalogId)).ToArray()));

        double Recall(ConcurrentDictionary<string, string[]> found) =>
            (double)rows.Count(r => gold[r.RowId] is { } id && found[r.RowId].Contains(id)) / inCatalog;

        var pgRate = rows.Count / pgTime.TotalSeconds;
        var engineRate = rows.Count / engineTime.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine($"| candidate search, {rows.Count:N0} sampled rows ({inCatalog:N0} in the catalog), top 3, {threads} threads | rows/s | recall@3 |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| PostgreSQL pg_trgm: `search % q ORDER BY similarity(search, q) DESC LIMIT 3`, GIN index (baseline) | {pgRate:N0} | {Recall(pgFound):0.0000} |");
        Console.WriteLine($"| CatalogIndex.Match (search + scoring + tiers + reasons) | {engineRate:N0} | {Recall(engineFound):0.0000} |");
        Console.WriteLine($"Ratio to pg_trgm: {engineRate / pgRate:0.0}x rows/s (target >= 5x: {(engineRate / pgRate >= 5 ? "met" : "NOT met")}); recall {(Recall(engineFound) >= Recall(pgFound) ? "no lower" : "LOWER")}");
    }

    private static string SearchText(string? title, string? version, string? artist) =>
        string.Join(' ', TextNormaliser.MatchWords(title).Concat(TextNormaliser.MatchWords(version)).Concat(TextNormaliser.MatchWords(artist)));

    private static void Row(string step, TimeSpan time, int rows, TimeSpan baseline) =>
        Console.WriteLine($"| {step} | {time.TotalSeconds:0.00} s | {rows / time.TotalSeconds:N0} | {time / baseline:0.00}x |");
}
