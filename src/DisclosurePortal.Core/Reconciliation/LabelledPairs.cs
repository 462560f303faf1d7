using System.Globalization;
using CsvHelper;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Core.WorkLists;

namespace DisclosurePortal.Core.Reconciliation;

/// <summary>One labelled pair: a listed record (left) and a catalog record (right), and whether they are the same song.</summary>
public sealed record LabelledPair(string Id, ListedWork Left, RecordingEntry Right, bool? Same);

/// <summary>The decision on one pair: match at the high tier, and the score.</summary>
public sealed record PairDecision(string Id, bool Match, double Score);

/// <summary>
/// Pair files for entity-matching benchmarks: an <c>id</c> column, <c>left_…</c> and <c>right_…</c> columns
/// (title, artist, album, duration, released or year) and optionally <c>label</c> (1/0). Each pair is scored by
/// the engine's own scorer, the right record standing for a one-entry catalog, after <see cref="ShiftedFields"/> put
/// back values that slid into a title.
/// </summary>
public static class LabelledPairs
{
    public static IEnumerable<LabelledPair> Read(TextReader reader)
    {
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } headers)
        {
            yield break;
        }

        var columns = headers.Select((h, i) => (Name: h.Trim().ToLowerInvariant(), i)).ToDictionary(c => c.Name, c => c.i);
        string? Get(string name) => columns.TryGetValue(name, out var i) && csv.TryGetField<string>(i, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        while (csv.Read())
        {
            ListedWork Side(string side) => new(
                Get(side + "title"), Get(side + "artist"), Get(side + "album"), Get(side + "isrc"), Get(side + "iswc"), Get(side + "upc"),
                WorkListValues.DurationSeconds(Get(side + "duration")), WorkListValues.Year(Get(side + "released") ?? Get(side + "year")));

            var (left, right) = ShiftedFields.Repair(Side("left_"), Side("right_"));
            var entry = new RecordingEntry(0, right.Isrc, right.Title ?? string.Empty, null, right.Artist ?? string.Empty, null, right.Album, right.DurationSeconds, right.Year);
            bool? same = Get("label") is { } label ? label == "1" : null;
            yield return new LabelledPair(Get("id") ?? csv.Parser.Row.ToString(CultureInfo.InvariantCulture), left, entry, same);
        }
    }

    /// <summary>The pair is a match when the scorer puts it at the high tier or above.</summary>
    public static PairDecision Decide(LabelledPair pair)
    {
        var candidate = CatalogIndex.ScorePair(pair.Left, pair.Right);
        return new PairDecision(pair.Id, candidate.Tier >= MatchTier.High, candidate.Score);
    }
}
