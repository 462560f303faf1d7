using DisclosurePortal.Core.Matching;
using DisclosurePortal.Core.Tables;
using DisclosurePortal.Core.WorkLists;

namespace DisclosurePortal.Core.Reconciliation;

/// <summary>One data row of a work-list file: the company's row id (or the line number) and the work as listed.</summary>
public sealed record ListedRow(string RowId, ListedWork Work);

/// <summary>
/// Reads a work-list file for matching with the uploads' header mapping (<see cref="WorkListColumns"/>): CSV or TSV in
/// any of the usual encodings, or an .xlsx workbook, streamed row by row. Durations and years are read as lists write
/// them; every row comes back, even an empty one (matching then says why it has no candidate).
/// </summary>
public static class WorkListFile
{
    private static readonly TableFileSubject Subject = new("work list", message => new WorkListFormatException(message));

    public static IEnumerable<ListedRow> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var table = TableFile.Open(stream, Subject);
        var mapping = WorkListColumns.Suggest(table.Headers);
        if (!mapping.ContainsKey(WorkListField.Title) && !mapping.ContainsKey(WorkListField.Isrc)
            && !mapping.ContainsKey(WorkListField.Iswc) && !mapping.ContainsKey(WorkListField.Upc))
        {
            throw new WorkListFormatException(
                $"The list needs a title or an identifier column (ISRC, ISWC, UPC/EAN). Columns found: {string.Join(", ", table.Headers.Select(h => $"'{h}'"))}.");
        }

        var listKind = WorkListAssets.Inferred(mapping.ContainsKey(WorkListField.Isrc), mapping.ContainsKey(WorkListField.Iswc), mapping.ContainsKey(WorkListField.Upc));
        foreach (var row in table.Rows())
        {
            string? Get(WorkListField field) =>
                mapping.TryGetValue(field, out var i) && i < row.Cells.Count && !string.IsNullOrWhiteSpace(row.Cells[i]) ? row.Cells[i] : null;

            var work = new ListedWork(
                Get(WorkListField.Title), Get(WorkListField.Artist), Get(WorkListField.Album),
                Get(WorkListField.Isrc), Get(WorkListField.Iswc), Get(WorkListField.Upc),
                WorkListValues.DurationSeconds(Get(WorkListField.Duration)), WorkListValues.Year(Get(WorkListField.Year)),
                WorkListAssets.Of(Get(WorkListField.AssetKind)) ?? listKind);
            yield return new ListedRow(Get(WorkListField.RowId) ?? row.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), work);
        }
    }
}
