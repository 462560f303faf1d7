using System.Text;
using BenchmarkDotNet.Attributes;
using DisclosurePortal.Core.Identifiers;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Core.Synthetic;
using DisclosurePortal.Core.WorkLists;

namespace DisclosurePortal.Benchmarks;

/// <summary>
/// Reading and matching an uploaded work list, against the raw CsvHelper parse of the same bytes
/// (the baseline, so the Ratio column shows what validation and matching add), and the same file read and
/// stored through the portal's validation job on SQLite (what an upload costs end to end before matching).
/// </summary>
[MemoryDiagnoser]
public class WorkListIntakeBenchmarks
{
    private byte[] file = [];
    private CatalogIndex index = null!;
    private ValidationJobBench? job;

    [Params(100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var catalog = SyntheticCatalog.Generate(Rows).ToList();
        index = CatalogIndex.Build(catalog.Select((r, i) => new RecordingEntry(i, r.Isrc.Value, r.Title, null, r.Artist)));
        var csv = new StringBuilder("Title,Artist,ISRC\n");
        for (var i = 0; i < catalog.Count; i++)
        {
            var r = catalog[i];
            // A third by ISRC, a third by title and artist in other case, a third unknown.
            var isrc = i % 3 == 0 ? r.Isrc.Formatted : string.Empty;
            var title = i % 3 == 2 ? $"Unknown song {i}" : r.Title.ToUpperInvariant();
            csv.Append('"').Append(title).Append("\",\"").Append(r.Artist).Append("\",").Append(isrc).Append('\n');
        }

        file = Encoding.UTF8.GetBytes(csv.ToString());
    }

    [GlobalSetup(Target = nameof(ValidateAndStoreThroughTheJob))]
    public async Task SetupJobAsync()
    {
        Setup();
        job = await ValidationJobBench.CreateAsync(file);
    }

    [GlobalCleanup(Target = nameof(ValidateAndStoreThroughTheJob))]
    public async Task CleanupJobAsync()
    {
        if (job is not null)
        {
            await job.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true, Description = "CsvHelper parse only")]
    public long ParseOnly() => Measurements.ParseFields(new MemoryStream(file));

    [Benchmark(Description = "read + validate")]
    public int ReadAndValidate() => WorkListReader.Read(new MemoryStream(file)).Count(r => r.IsAccepted);

    [Benchmark(Description = "read + validate + match")]
    public int ReadValidateAndMatch()
    {
        var matched = 0;
        foreach (var row in WorkListReader.Read(new MemoryStream(file)))
        {
            if (row.IsAccepted && index.Match(new ListedWork(row.Title, row.Artist, Isrc: row.IsrcText)).Tier != MatchTier.None)
            {
                matched++;
            }
        }

        return matched;
    }

    [Benchmark(Description = "read + validate + store (validation job, SQLite)")]
    public Task<int> ValidateAndStoreThroughTheJob() => job!.RunAsync();
}
