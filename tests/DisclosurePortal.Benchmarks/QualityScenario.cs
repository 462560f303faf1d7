using System.Globalization;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Core.Reconciliation;
using DisclosurePortal.Core.Synthetic;

namespace DisclosurePortal.Benchmarks;

/// <summary>
/// The quality harness: precision, recall and F1 per tier against the synthetic generator's gold (catalog and list
/// written as files and matched by the same path as <c>portal reconcile</c>), then F1 on the iTunes–Amazon labelled
/// pairs (train: where thresholds were chosen; valid: held out). Mistakes go to a CSV to read before tuning.
/// </summary>
internal static class QualityScenario
{
    public static int Run(IReadOnlyList<int> sizes, string? pairsFolder, string? mistakesFile, MatchOptions? options = null)
    {
        Options = options ?? MatchOptions.Default;
        using var mistakes = mistakesFile is null ? null : new StreamWriter(mistakesFile);
        mistakes?.WriteLine("size,row,gold,predicted,tier,score,noise,title,artist,album,duration,year,reasons");
        foreach (var size in sizes.Where(s => s > 0))
        {
            Synthetic(size, mistakes);
        }

        if (pairsFolder is not null && Directory.Exists(pairsFolder))
        {
            Pairs(pairsFolder, mistakes);
        }

        return 0;
    }

    private static MatchOptions Options { get; set; } = MatchOptions.Default;

    private static void Synthetic(int size, StreamWriter? mistakes)
    {
        using var work = new ScratchDirectory();
        SyntheticCatalogFiles.Write(work.Path, size, size);
        var catalog = CatalogFiles.Load(
            Path.Combine(work.Path, SyntheticCatalogFiles.RecordingsFile),
            Path.Combine(work.Path, SyntheticCatalogFiles.CompositionsFile),
            Path.Combine(work.Path, SyntheticCatalogFiles.ReleasesFile),
            Options);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var matchesFile = Path.Combine(work.Path, "matches.csv");
        using (var works = File.OpenRead(Path.Combine(work.Path, SyntheticCatalogFiles.TrainingListFile)))
        using (var output = new StreamWriter(matchesFile))
        {
            FileReconciliation.Run(catalog, works, output);
        }

        var matching = watch.Elapsed;

        var gold = GoldCheck.Rows(Path.Combine(work.Path, SyntheticCatalogFiles.GoldFile)).ToDictionary(r => r["row"], r => r["noise"]);
        var listed = mistakes is null ? null : GoldCheck.Rows(Path.Combine(work.Path, SyntheticCatalogFiles.TrainingListFile)).ToDictionary(r => r["row"]);
        var quality = GoldCheck.Evaluate(matchesFile, Path.Combine(work.Path, SyntheticCatalogFiles.GoldFile), mistakes is null ? null : m =>
        {
            var l = listed![m.Row];
            mistakes.WriteLine(Csv(size.ToString(CultureInfo.InvariantCulture), m.Row, m.Gold ?? "", m.Predicted ?? "", m.Tier, m.Score, gold[m.Row],
                l["title"], l["artist"], l["album"], l["duration"], l["year"], m.Reasons));
        });

        Print($"synthetic {size:N0} rows against {size:N0} recordings (read + match + write {matching.TotalSeconds:0.0} s, pool {Options.Pool}, budget {Options.PostingBudget})", quality);
    }

    private static void Pairs(string folder, StreamWriter? mistakes)
    {
        foreach (var file in Directory.GetFiles(folder, "pairs_*.csv").Order(StringComparer.Ordinal))
        {
            var (tp, fp, fn) = (0, 0, 0);
            using var reader = new StreamReader(file);
            foreach (var pair in LabelledPairs.Read(reader))
            {
                var decision = LabelledPairs.Decide(pair);
                tp += decision.Match && pair.Same == true ? 1 : 0;
                fp += decision.Match && pair.Same == false ? 1 : 0;
                fn += !decision.Match && pair.Same == true ? 1 : 0;
                if (mistakes is not null && decision.Match != pair.Same)
                {
                    var explained = CatalogIndex.ScorePair(pair.Left, pair.Right);
                    mistakes.WriteLine(Csv(Path.GetFileNameWithoutExtension(file), pair.Id, pair.Same == true ? "1" : "0", decision.Match ? "1" : "0", explained.Tier.ToString(),
                        decision.Score.ToString("0.000", CultureInfo.InvariantCulture), "", pair.Left.Title ?? "", pair.Left.Artist ?? "", pair.Left.Album ?? "",
                        $"{pair.Left.DurationSeconds}/{pair.Right.DurationSeconds}", $"{pair.Right.Title} | {pair.Right.MainArtist} | {pair.Right.Album}", explained.Explanation));
                }
            }

            var precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
            var recall = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            Console.WriteLine($"{Path.GetFileName(file),-32} precision {precision:0.000}  recall {recall:0.000}  F1 {100 * f1:0.0}  (TP {tp}, FP {fp}, FN {fn})");
        }
    }

    private static void Print(string title, MatchQuality quality)
    {
        Console.WriteLine();
        Console.WriteLine($"{title}: {quality.Total:N0} rows, {quality.Positives:N0} in the catalog");
        Console.WriteLine("| tier | rows | correct | precision | recall (this tier or better) | F1 (this tier or better) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var tier in new[] { MatchTier.Exact, MatchTier.High, MatchTier.Possible })
        {
            var t = quality.Of(tier);
            var accepted = quality.AtLeast(tier);
            Console.WriteLine($"| {tier.ToString().ToLowerInvariant()} | {t.Rows:N0} | {t.Correct:N0} | {t.Precision:0.0000} | {accepted.Recall:0.0000} | {accepted.F1:0.0000} |");
        }

        Console.WriteLine($"| none | {quality.Of(MatchTier.None).Rows:N0} | | | | |");
        var overall = quality.AtLeast(MatchTier.Possible);
        Console.WriteLine($"overall (any tier counts as a match): precision {overall.Precision:0.0000}, recall {overall.Recall:0.0000}, F1 {overall.F1:0.0000}");
    }

    private static string Csv(params string[] fields) => string.Join(",", fields.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
}
