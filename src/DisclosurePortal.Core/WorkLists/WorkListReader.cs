using System.Globalization;
using DisclosurePortal.Core.Identifiers;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Core.Tables;

namespace DisclosurePortal.Core.WorkLists;

/// <summary>What the mapping step shows of a file before anything is read: its format, header, first rows and the suggested mapping.</summary>
public sealed record WorkListInspection(string Format, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> SampleRows, IReadOnlyDictionary<WorkListField, int> SuggestedMapping)
{
    public string HeaderKey => WorkListColumns.HeaderKey(Headers);
}

/// <summary>
/// Reads an uploaded work list (CSV/TSV/semicolon/pipe in any usual encoding, or an .xlsx workbook, via
/// <see cref="TableFile"/>) row by row without holding it in memory, through a column mapping (the confirmed one, or
/// the one suggested from the header). Every data row comes back either accepted or with the reason it was rejected;
/// what was ignored of an accepted row is its warning.
/// </summary>
public static class WorkListReader
{
    public const int MaxTitleLength = 1000;
    public const int MaxTextLength = 500;

    private static readonly TableFileSubject Subject = new("work list", message => new WorkListFormatException(message));

    public static WorkListInspection Inspect(Stream stream, int sampleRows = 3)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var table = TableFile.Open(stream, Subject);
        var samples = table.Rows().Take(Math.Max(1, sampleRows)).Select(r => (IReadOnlyList<string>)r.Cells.ToArray()).ToList();
        if (samples.Count == 0)
        {
            throw new WorkListFormatException("The file has a header but no rows.");
        }

        return new WorkListInspection(table.Format, table.Headers, samples, WorkListColumns.Suggest(table.Headers));
    }

    /// <param name="mapping">Field → column index; null to use the mapping suggested from the header.</param>
    public static IEnumerable<WorkListRow> Read(Stream stream, IReadOnlyDictionary<WorkListField, int>? mapping = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var table = TableFile.Open(stream, Subject);
        try
        {
            mapping ??= WorkListColumns.Suggest(table.Headers);
            if (WorkListColumns.Problem(mapping, table.Headers) is { } problem)
            {
                throw new WorkListFormatException(problem);
            }
        }
        catch
        {
            table.Dispose();
            throw;
        }

        return ReadRows(table, mapping);
    }

    private static IEnumerable<WorkListRow> ReadRows(TableFile table, IReadOnlyDictionary<WorkListField, int> mapping)
    {
        using (table)
        {
            var idNames = string.Join(" or ", new[] { (WorkListField.Isrc, "ISRC"), (WorkListField.Iswc, "ISWC"), (WorkListField.Upc, "UPC/EAN") }
                .Where(f => mapping.ContainsKey(f.Item1)).Select(f => f.Item2).DefaultIfEmpty("identifier"));
            var listKind = WorkListAssets.Inferred(mapping.ContainsKey(WorkListField.Isrc), mapping.ContainsKey(WorkListField.Iswc), mapping.ContainsKey(WorkListField.Upc));
            var rows = 0;
            foreach (var row in table.Rows(keepRowsOfEmptyCells: true))
            {
                rows++;
                if (row.Problem is { } problem)
                {
                    yield return new WorkListRow(row.Line, problem);
                    continue;
                }

                string? Get(WorkListField field) =>
                    mapping.TryGetValue(field, out var i) && i < row.Cells.Count && !string.IsNullOrWhiteSpace(row.Cells[i]) ? row.Cells[i].Trim() : null;

                yield return Validate(row.Line, Get, listKind, idNames);
            }

            if (rows == 0)
            {
                throw new WorkListFormatException("The file has a header but no rows.");
            }
        }
    }

    private static WorkListRow Validate(int line, Func<WorkListField, string?> get, AssetKind listKind, string idNames)
    {
        var title = get(WorkListField.Title);
        if (title is { Length: > MaxTitleLength })
        {
            return new WorkListRow(line, $"the title is longer than {MaxTitleLength:N0} characters");
        }

        var warnings = new List<string>();
        var isrcText = get(WorkListField.Isrc);
        var iswcText = get(WorkListField.Iswc);
        var upcText = get(WorkListField.Upc);
        Isrc? isrc = Isrc.TryParse(isrcText, out var i) ? i : null;
        Iswc? iswc = Iswc.TryParse(iswcText, out var w) ? w : null;
        Gtin? upc = Gtin.TryParse(upcText, out var g) ? g : null;
        var invalid = new List<string>();
        Check(isrcText, isrc is null, "ISRC");
        Check(iswcText, iswc is null, "ISWC");
        Check(upcText, upc is null, "UPC/EAN");
        if (title is null && isrc is null && iswc is null && upc is null)
        {
            return new WorkListRow(line, invalid.Count > 0
                ? $"{string.Join(" and ", invalid)} {(invalid.Count == 1 ? "is" : "are")} not valid and there is no title"
                : $"no title and no {idNames}");
        }

        warnings.AddRange(invalid.Select(text => $"{text} is not valid and was ignored"));
        var duration = Number(get(WorkListField.Duration), WorkListValues.DurationSeconds, "duration", warnings);
        var year = Number(get(WorkListField.Year), WorkListValues.Year, "year", warnings);
        var copies = Number(get(WorkListField.Copies), Copies, "number of copies", warnings);
        var kindText = get(WorkListField.AssetKind);
        var asset = WorkListAssets.Of(kindText);
        if (kindText is not null && asset is null)
        {
            warnings.Add($"asset kind '{Shorten(kindText)}' is not one the portal knows (audio, lyrics or composition, video, artwork or release, metadata); read as {WorkListAssets.Label(AssetKind.Audio)}");
        }

        return new WorkListRow(line, null, warnings.Count == 0 ? null : string.Join("; ", warnings))
        {
            Title = title,
            Artist = Fit(get(WorkListField.Artist), MaxTitleLength),
            Album = Fit(get(WorkListField.Album), MaxTitleLength),
            IsrcText = isrcText,
            Isrc = isrc,
            IswcText = iswcText,
            Iswc = iswc,
            UpcText = upcText,
            Upc = upc,
            DurationSeconds = duration,
            Year = year,
            Asset = asset ?? (title is null && isrc is null ? WorkListAssets.Inferred(false, iswc is not null, upc is not null) : listKind),
            Usage = new WorkListUsage(
                Fit(get(WorkListField.Dataset), MaxTextLength), Fit(get(WorkListField.AccessMethod), MaxTextLength), copies,
                Fit(get(WorkListField.Retained), MaxTextLength), Fit(get(WorkListField.Purpose), MaxTextLength), Fit(get(WorkListField.Model), MaxTextLength)),
        };

        void Check(string? text, bool isInvalid, string name)
        {
            if (text is not null && isInvalid)
            {
                invalid.Add($"{name} '{Shorten(text)}'");
            }
        }
    }

    private static int? Number(string? text, Func<string?, int?> parse, string name, List<string> warnings)
    {
        if (text is null)
        {
            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            warnings.Add($"{name} '{Shorten(text)}' could not be read and was ignored");
        }

        return value;
    }

    private static int? Copies(string? text) =>
        int.TryParse(text?.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string? Fit(string? text, int length) => text is null || text.Length <= length ? text : text[..length];

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
