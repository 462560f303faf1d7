using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;

namespace DisclosurePortal.Benchmarks;

/// <summary>
/// Turns the benchmark's pairs as the entity-matching papers distribute them — one line per pair,
/// "COL Song_Name VAL … COL Artist_Name VAL …", a tab, the right record, a tab, the label — into the pair
/// format `portal score-pairs` reads. Its use: scoring the held-out test split, which ../shared/data leaves out.
/// </summary>
internal static partial class SerialisedPairs
{
    // The attribute names of the iTunes–Amazon records, in the order of the pair format's columns.
    private static readonly (string Attribute, string Column)[] Columns =
    [
        ("Song_Name", "title"), ("Artist_Name", "artist"), ("Album_Name", "album"), ("Time", "duration"),
        ("Released", "released"), ("Genre", "genre"), ("Price", "price"), ("CopyRight", "copyright"),
    ];

    public static int Convert(string input, string output)
    {
        using var writer = new CsvWriter(new StreamWriter(output), CultureInfo.InvariantCulture);
        writer.WriteField("id");
        foreach (var side in new[] { "left", "right" })
        {
            foreach (var (_, column) in Columns)
            {
                writer.WriteField($"{side}_{column}");
            }
        }

        writer.WriteField("label");
        writer.NextRecord();
        var id = 0;
        foreach (var line in File.ReadLines(input).Where(l => l.Length > 0))
        {
            var parts = line.Split('\t');
            if (parts.Length != 3)
            {
                throw new InvalidDataException($"line {id + 1}: expected left, right and label separated by tabs");
            }

            writer.WriteField(id++.ToString(CultureInfo.InvariantCulture));
            foreach (var record in parts[..2].Select(Attributes))
            {
                foreach (var (attribute, _) in Columns)
                {
                    writer.WriteField(record.GetValueOrDefault(attribute, ""));
                }
            }

            writer.WriteField(parts[2].Trim());
            writer.NextRecord();
        }

        Console.WriteLine($"{id} pairs written to {output}");
        return 0;
    }

    private static Dictionary<string, string> Attributes(string record) =>
        Attribute().Matches(record).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());

    [GeneratedRegex(@"COL (\S+) VAL(.*?)(?= COL \S+ VAL|$)")]
    private static partial Regex Attribute();
}
