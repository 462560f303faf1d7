using System.Diagnostics;
using CsvHelper;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Identifiers;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Catalog;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Benchmarks;

/// <summary>
/// Staff searches on an imported catalog, the way the catalog page runs them (count + first page of 25):
/// pasted ISRCs in lower case with hyphens, title prefixes and artist prefixes taken from the file. The
/// baseline is a lookup of one recording by primary key through the same context.
/// </summary>
internal static class CatalogSearchScenario
{
    private const int Queries = 300;

    public static async Task RunAsync(Func<PortalDbContext> context, string recordingsFile)
    {
        var (isrcs, titles, artists) = Samples(recordingsFile);
        await using var db = context();
        var maxId = await db.CatalogRecordings.MaxAsync(r => r.Id);

        var random = new Random(7);
        var byId = await TimeEachAsync(Enumerable.Range(0, Queries).Select(_ => random.NextInt64(1, maxId + 1)).ToList(),
            id => db.CatalogRecordings.AsNoTracking().Where(r => r.Id == id).Select(r => r.Title).FirstOrDefaultAsync());
        var byIsrc = await TimeEachAsync(isrcs, text => SearchAsync(db, text));
        var byTitle = await TimeEachAsync(titles, text => SearchAsync(db, text));
        var byArtist = await TimeEachAsync(artists, text => SearchAsync(db, text));

        Console.WriteLine();
        Console.WriteLine($"| Search ({Queries} queries each, count + page of 25) | p50      | p95      | p95 ratio to id lookup |");
        Console.WriteLine("|---------------------------------------------|----------|----------|------------------------|");
        Row("recording by primary key (baseline)", byId, byId);
        Row("pasted ISRC (lower case, hyphens)", byIsrc, byId);
        Row("title prefix (first 4-8 letters)", byTitle, byId);
        Row("artist prefix (first 4-8 letters)", byArtist, byId);
        var worst = new[] { byIsrc, byTitle, byArtist }.Max(Percentile95);
        Console.WriteLine($"Search target: p95 under 100 ms -> {(worst < 100 ? "met" : "NOT met")} (worst p95 {worst:F1} ms)");
    }

    private static async Task<int> SearchAsync(PortalDbContext db, string text)
    {
        var page = await CatalogSearch.SearchAsync(db, new CatalogQuery(CatalogKind.Recordings, text, null), 0, 25);
        if (page.TotalCount == 0)
        {
            throw new InvalidOperationException($"The search for '{text}' found nothing, though it was taken from the catalog.");
        }

        return page.TotalCount;
    }

    // Spread over the file: every n-th row gives an ISRC, a title prefix and an artist prefix.
    private static (List<string> Isrcs, List<string> Titles, List<string> Artists) Samples(string file)
    {
        var rows = File.ReadLines(file).Count() - 1;
        var step = Math.Max(1, rows / Queries);
        List<string> isrcs = [], titles = [], artists = [];
        var random = new Random(11);
        using var reader = new StreamReader(file);
        using var csv = new CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        for (var i = 0; csv.Read() && isrcs.Count < Queries; i++)
        {
            if (i % step == 0)
            {
                isrcs.Add(Isrc.Parse(csv.GetField("isrc")!).Formatted.ToLowerInvariant());
                // What a person types: the start of the title or name as the catalog spells it, articles aside.
                titles.Add(Prefix(CatalogKeys.Title(csv.GetField("title")), random));
                artists.Add(Prefix(CatalogKeys.Artist(csv.GetField("main_artist")), random));
            }
        }

        return (isrcs, titles, artists);
    }

    private static string Prefix(string text, Random random) => text[..Math.Min(text.Length, random.Next(4, 9))];

    private static async Task<List<double>> TimeEachAsync<T, TResult>(IReadOnlyList<T> inputs, Func<T, Task<TResult>> query)
    {
        await query(inputs[0]); // warm-up: compile the query once
        var times = new List<double>(inputs.Count);
        foreach (var input in inputs)
        {
            var watch = Stopwatch.StartNew();
            await query(input);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static double Percentile95(List<double> times) => Percentile(times, 0.95);

    private static double Percentile(List<double> times, double p)
    {
        var sorted = times.Order().ToList();
        return sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
    }

    private static void Row(string step, List<double> times, List<double> baseline) =>
        Console.WriteLine($"| {step,-43} | {Percentile(times, 0.5),5:F1} ms | {Percentile95(times),5:F1} ms | {Percentile95(times) / Percentile95(baseline),21:F1}x |");
}
