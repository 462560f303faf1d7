using System.Globalization;
using CsvHelper;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Core.Tables;

namespace DisclosurePortal.Core.Reconciliation;

/// <summary>How many rows ended in each tier (by their best candidate).</summary>
public sealed record ReconcileSummary(int Rows, int Exact, int High, int Possible, int None);

/// <summary>
/// Matches a work-list file against a loaded catalog and writes <c>row_id,catalog_id,tier,score,reasons</c>: one line
/// per candidate, a row without one once with tier <c>none</c> and the reason. Rows are matched in parallel batches
/// and written in file order; warnings follow the reasons ("warning: …").
/// </summary>
public static class FileReconciliation
{
    private const int BatchSize = 4096;

    public static ReconcileSummary Run(CatalogFiles catalog, Stream works, TextWriter output, int? parallelism = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        using var csv = new CsvWriter(output, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
        foreach (var header in new[] { "row_id", "catalog_id", "tier", "score", "reasons" })
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        var counts = new int[4];
        var rows = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount };

        // The next batch is read and the last one written while a batch is matched, so no core waits on the files.
        var writing = Task.CompletedTask;
        foreach (var batch in ReadAhead.Chunks(WorkListFile.Read(works), BatchSize))
        {
            var results = new WorkMatch[batch.Length];
            Parallel.For(0, batch.Length, parallel, i => results[i] = catalog.Index.Match(batch[i].Work));
            writing.GetAwaiter().GetResult();
            writing = Task.Run(() =>
            {
                for (var i = 0; i < batch.Length; i++)
                {
                    Write(csv, catalog, batch[i].RowId, results[i]);
                    counts[(int)results[i].Tier]++;
                }
            });
            rows += batch.Length;
        }

        writing.GetAwaiter().GetResult();
        csv.Flush();
        return new ReconcileSummary(rows, counts[(int)MatchTier.Exact], counts[(int)MatchTier.High], counts[(int)MatchTier.Possible], counts[(int)MatchTier.None]);
    }

    private static void Write(CsvWriter csv, CatalogFiles catalog, string rowId, WorkMatch match)
    {
        var warnings = match.Warnings.Select(w => "warning: " + w);
        if (match.Candidates.Count == 0)
        {
            WriteLine(csv, rowId, string.Empty, MatchTier.None, 0, [match.NoMatchReason ?? "no candidate", .. warnings]);
            return;
        }

        foreach (var candidate in match.Candidates)
        {
            WriteLine(csv, rowId, catalog.NameOf(candidate.Kind, candidate.CatalogId), candidate.Tier, candidate.Score, [.. candidate.Reasons, .. warnings]);
        }
    }

    private static void WriteLine(CsvWriter csv, string rowId, string catalogId, MatchTier tier, double score, IEnumerable<string> reasons)
    {
        csv.WriteField(rowId);
        csv.WriteField(catalogId);
        csv.WriteField(TierName(tier));
        csv.WriteField(score.ToString("0.0000", CultureInfo.InvariantCulture));
        csv.WriteField(string.Join("; ", reasons));
        csv.NextRecord();
    }

    public static string TierName(MatchTier tier) => tier.ToString().ToLowerInvariant();
}
