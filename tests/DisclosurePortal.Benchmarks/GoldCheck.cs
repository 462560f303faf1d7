using System.Globalization;
using CsvHelper;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Core.Reconciliation;

namespace DisclosurePortal.Benchmarks;

/// <summary>Reads a matches CSV (as <c>portal reconcile</c> writes it) and the generator's gold, and counts the best candidate of each row.</summary>
internal static class GoldCheck
{
    /// <summary>One wrong or missed row, for reading the mistakes.</summary>
    public sealed record Mistake(string Row, string? Gold, string? Predicted, string Tier, string Score, string Reasons);

    public static Dictionary<string, string?> ReadGold(string goldFile) =>
        Rows(goldFile).ToDictionary(r => r["row"], r => r["recording_id"] is { Length: > 0 } id ? id : null);

    public static MatchQuality Evaluate(string matchesFile, string goldFile, Action<Mistake>? onMistake)
    {
        var gold = ReadGold(goldFile);
        var quality = new MatchQuality();
        var seen = new HashSet<string>();
        foreach (var line in Rows(matchesFile))
        {
            var row = line["row_id"];
            if (!seen.Add(row))
            {
                continue; // only the best candidate counts
            }

            var tier = Enum.Parse<MatchTier>(line["tier"], ignoreCase: true);
            var predicted = line["catalog_id"] is { Length: > 0 } id ? id : null;
            quality.Add(gold[row], predicted, tier);
            if (onMistake is not null && (tier == MatchTier.None ? gold[row] is not null : predicted != gold[row]))
            {
                onMistake(new Mistake(row, gold[row], predicted, line["tier"], line["score"], line["reasons"]));
            }
        }

        return quality;
    }

    public static IEnumerable<Dictionary<string, string>> Rows(string file)
    {
        using var reader = new StreamReader(file);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var headers = csv.HeaderRecord!;
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(headers.Length, StringComparer.Ordinal);
            for (var i = 0; i < headers.Length; i++)
            {
                row[headers[i]] = csv.GetField(i) ?? string.Empty;
            }

            yield return row;
        }
    }
}
