using DisclosurePortal.Core.Tables;

namespace DisclosurePortal.Core.Catalog;

/// <summary>
/// Reads a catalog file (recordings, compositions or releases) row by row without holding it in memory.
/// The format comes from the content, not the file's name: an Excel workbook (.xlsx, first worksheet) or
/// delimited text (comma, semicolon, tab or pipe, detected; UTF-8 with or without BOM, UTF-16 with or without
/// BOM, else Windows-1252). Zip archives that are not workbooks, .xls/.xlsb files and binary files are refused.
/// The first non-blank row is the header; blank rows are skipped. Whole-file problems throw
/// <see cref="CatalogFileException"/>; every data row comes back accepted or with its line (spreadsheet row
/// or CSV line, 1-based, header included) and reason. Cells are data: one starting with = + - @ is kept as
/// written and a workbook's formula cell gives its cached value; nothing is ever evaluated.
/// </summary>
public static class CatalogFileReader
{
    private const int SampleRows = 5;

    private static readonly TableFileSubject Subject = new("catalog", message => new CatalogFileException(message));
    private const string NoRows = "The file has a header but no rows.";

    /// <summary>
    /// Reads <paramref name="stream"/> (seekable, left open) lazily; enumerate once. Whole-file refusals surface
    /// on the first row; a file that goes bad further on (a broken encoding, an endless line) throws where it does.
    /// </summary>
    /// <param name="columnOverrides">The header to use for a field, replacing what the header synonyms chose.</param>
    public static IEnumerable<CatalogFileRow> Read(
        Stream stream, CatalogKind kind, IReadOnlyDictionary<CatalogField, string>? columnOverrides = null)
    {
        RequireSeekable(stream);
        return ReadRows(stream, kind, columnOverrides);
    }

    /// <summary>
    /// What the file looks like, for a person to confirm the column mapping before importing: its format, header,
    /// suggested mapping, the needed fields it lacks and the first few data rows. Throws <see cref="CatalogFileException"/>
    /// for the same whole-file problems as <see cref="Read"/>, except missing columns, which it reports instead.
    /// </summary>
    /// <param name="stream">Seekable; its position is put back, so the same stream can then be read.</param>
    public static CatalogFileInspection Inspect(Stream stream, CatalogKind kind)
    {
        RequireSeekable(stream);
        var start = stream.Position;
        try
        {
            using var table = TableFile.Open(stream, Subject);
            var headers = table.Headers;
            var samples = table.Rows()
                .Take(SampleRows)
                .Select(row => headers.Select((_, i) => i < row.Cells.Count ? row.Cells[i] : string.Empty).ToArray())
                .ToList();
            if (samples.Count == 0)
            {
                throw new CatalogFileException(NoRows);
            }

            var mapping = CatalogColumns.Map(headers, kind);
            return new CatalogFileInspection(
                table.Format, headers, mapping.ToDictionary(m => m.Key, m => headers[m.Value]), CatalogColumns.Missing(mapping, kind), samples);
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static void RequireSeekable(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The catalog stream must be seekable (the head is sniffed first).", nameof(stream));
        }
    }

    private static IEnumerable<CatalogFileRow> ReadRows(Stream stream, CatalogKind kind, IReadOnlyDictionary<CatalogField, string>? overrides)
    {
        using var table = TableFile.Open(stream, Subject);
        var mapping = CatalogColumns.Map(table.Headers, kind, overrides);
        var missing = CatalogColumns.Missing(mapping, kind);
        if (missing.Count > 0)
        {
            throw new CatalogFileException(
                $"A {kind.ToString().ToLowerInvariant()} file needs columns for {string.Join(", ", missing)}. " +
                $"Columns found: {string.Join(", ", table.Headers.Select(h => $"'{h}'"))}.");
        }

        var validator = new CatalogRowValidator(kind, mapping);
        var rows = 0;
        foreach (var row in table.Rows())
        {
            rows++;
            yield return row.Problem is { } problem
                ? CatalogFileRow.Reject(row.Line, problem)
                : validator.Validate(row.Line, i => i < row.Cells.Count ? row.Cells[i] : null);
        }

        if (rows == 0)
        {
            throw new CatalogFileException(NoRows);
        }
    }
}

/// <summary>A catalog file's look before import: what the admin confirms the column mapping against.</summary>
/// <param name="Format">What the file was read as: "CSV (comma-separated, UTF-8)", "Excel workbook (sheet 'Recordings')".</param>
/// <param name="Headers">The header's names in file order.</param>
/// <param name="SuggestedMapping">The header each recognised field would be read from.</param>
/// <param name="MissingFields">Needed fields no header was recognised for: the person must choose columns for them.</param>
/// <param name="SampleRows">Up to five data rows, one cell per header.</param>
public sealed record CatalogFileInspection(
    string Format,
    IReadOnlyList<string> Headers,
    IReadOnlyDictionary<CatalogField, string> SuggestedMapping,
    IReadOnlyList<CatalogField> MissingFields,
    IReadOnlyList<string[]> SampleRows);
