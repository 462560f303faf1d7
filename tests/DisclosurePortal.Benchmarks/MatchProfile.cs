using System.Diagnostics;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Core.Reconciliation;
using DisclosurePortal.Core.Synthetic;

namespace DisclosurePortal.Benchmarks;

/// <summary>Where a row's time goes (prepare, search, score), single-threaded, to know what to make faster.</summary>
internal static class MatchProfile
{
    public static int Run(int size)
    {
        using var work = new ScratchDirectory();
        SyntheticCatalogFiles.Write(work.Path, size, size);
        var watch = Stopwatch.StartNew();
        var catalog = CatalogFiles.Load(
            Path.Combine(work.Path, SyntheticCatalogFiles.RecordingsFile),
            Path.Combine(work.Path, SyntheticCatalogFiles.CompositionsFile),
            Path.Combine(work.Path, SyntheticCatalogFiles.ReleasesFile));
        Console.WriteLine($"load + index: {watch.Elapsed.TotalSeconds:0.0} s");
        watch.Restart();
        using (var stream = File.OpenRead(Path.Combine(work.Path, SyntheticCatalogFiles.RecordingsFile)))
        {
            Console.WriteLine($"read recordings only: {DisclosurePortal.Core.Catalog.CatalogFileReader.Read(stream, DisclosurePortal.Core.Catalog.CatalogKind.Recordings).Count()} in {watch.Elapsed.TotalSeconds:0.0} s");
        }

        watch.Restart();
        var synthetic = new SyntheticLabelCatalog(size);
        var entries = synthetic.Recordings().Select((r, i) => new RecordingEntry(i, r.Isrc.Value, r.Title, r.Version, r.MainArtist, r.FeaturedArtists, null, r.DurationSeconds, r.Year)).ToList();
        Console.WriteLine($"synthetic entries: {watch.Elapsed.TotalSeconds:0.0} s");
        watch.Restart();
        CatalogIndex.Build(entries);
        Console.WriteLine($"index build from entries: {watch.Elapsed.TotalSeconds:0.0} s");
        watch.Restart();
        List<ListedRow> rows;
        using (var stream = File.OpenRead(Path.Combine(work.Path, SyntheticCatalogFiles.TrainingListFile)))
        {
            rows = WorkListFile.Read(stream).Take(50_000).ToList();
        }

        Console.WriteLine($"read 50k rows: {watch.Elapsed.TotalSeconds:0.00} s");
        var index = catalog.Index;
        var prepared = rows.Select(r => PreparedWork.From(r.Work, w => w)).ToList();
        var sample = entries.Take(1000).Select(e => IndexedEntry.Recording(e, w => w, -1, -1, [])).ToArray();
        watch.Restart();
        var total = 0.0;
        for (var i = 0; i < prepared.Count; i++)
        {
            for (var j = 0; j < 10; j++)
            {
                total += CandidateScorer.Score(prepared[i], sample[(i + (j * 97)) % sample.Length], 0, 0, null).Score;
            }
        }

        Console.WriteLine($"score: {watch.Elapsed.TotalMilliseconds / (rows.Count * 10) * 1000:0.00} µs/candidate ({total:0})");
        watch.Restart();
        for (var i = 0; i < prepared.Count; i++)
        {
            CandidateScorer.Score(prepared[i], sample[i % sample.Length], 0, 0, []);
        }

        watch.Restart();
        for (var i = 0; i < prepared.Count; i++)
        {
            for (var j = 0; j < 10; j++)
            {
                total += CandidateScorer.TitleSimilarity(prepared[i].Title, sample[(i + (j * 97)) % sample.Length].Title);
            }
        }

        Console.WriteLine($"title similarity: {watch.Elapsed.TotalMilliseconds / (rows.Count * 10) * 1000:0.00} µs/candidate");
        watch.Restart();
        for (var i = 0; i < prepared.Count; i++)
        {
            for (var j = 0; j < 10; j++)
            {
                total += WordSimilarity.Set(prepared[i].Artist, sample[(i + (j * 97)) % sample.Length].Artist);
            }
        }

        Console.WriteLine($"artist set similarity: {watch.Elapsed.TotalMilliseconds / (rows.Count * 10) * 1000:0.00} µs/candidate");
        watch.Restart();
        for (var i = 0; i < prepared.Count * 10; i++)
        {
            total += EditDistance.Osa("midnight", "midnigth", 2) + EditDistance.Osa("river", "ocean", 2);
        }

        Console.WriteLine($"osa x2: {watch.Elapsed.TotalMilliseconds / (rows.Count * 10) * 1000:0.00} µs");
        Console.WriteLine($"score with reasons: {watch.Elapsed.TotalMilliseconds / rows.Count * 1000:0.00} µs/candidate");
        watch.Restart();
        foreach (var row in rows)
        {
            PreparedWork.From(row.Work, w => w);
        }

        Console.WriteLine($"prepare: {watch.Elapsed.TotalMilliseconds / rows.Count * 1000:0.0} µs/row");
        watch.Restart();
        var cpu = Environment.CpuUsage.TotalTime;
        foreach (var row in rows)
        {
            index.Match(row.Work);
        }

        Console.WriteLine($"match (all): {watch.Elapsed.TotalMilliseconds / rows.Count * 1000:0.0} µs/row wall, {(Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds / rows.Count * 1000:0.0} µs/row CPU");
        foreach (var options in new[] { new MatchOptions(MatchThresholds.Default, Pool: 8, PostingBudget: 1500), new MatchOptions(MatchThresholds.Default, Pool: 24, PostingBudget: 500), new MatchOptions(MatchThresholds.Default, Pool: 1, PostingBudget: 1) })
        {
            var small = CatalogIndex.Build(entries, options: options);
            watch.Restart();
            var cpuBefore = Environment.CpuUsage.TotalTime;
            foreach (var row in rows)
            {
                small.Match(row.Work);
            }

            Console.WriteLine($"match {options.Pool}/{options.PostingBudget}: {watch.Elapsed.TotalMilliseconds / rows.Count * 1000:0.0} µs/row wall, {(Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds / rows.Count * 1000:0.0} µs/row CPU");
        }
        return 0;
    }
}
