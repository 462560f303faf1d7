using System.Globalization;
using DisclosurePortal.Web.Infrastructure;
using SpreadCheetah;

namespace DisclosurePortal.Web.Features.Review.Evidence;

/// <summary>
/// CSV and XLSX writers that stream rows to a (non-seekable) response. Cells quote what companies uploaded, so any
/// cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a CR) is prefixed with an apostrophe.
/// </summary>
public static class EvidenceWriters
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Neutralise(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    /// <summary>CSV through the portal's one CSV writer (<see cref="CsvTable"/>), which escapes formulas the same way.</summary>
    public static Task WriteCsvAsync(Stream target, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken cancellationToken = default) =>
        CsvTable.WriteAsync(target, headers, rows, cancellationToken);

    public static async Task WriteXlsxAsync(Stream target, string sheetName, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken cancellationToken = default)
    {
        await using var buffer = new SyncWriteBufferStream(target);
        await WriteSheetAsync(buffer, sheetName, headers, rows, cancellationToken);
        await buffer.FlushAsync(cancellationToken);
    }

    private static async Task WriteSheetAsync(Stream target, string sheetName, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken cancellationToken)
    {
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(target, cancellationToken: cancellationToken);
        await spreadsheet.StartWorksheetAsync(sheetName, token: cancellationToken);
        await spreadsheet.AddRowAsync(headers.Select(h => new Cell(h)).ToArray(), cancellationToken);
        var cells = new Cell[headers.Count];
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i] switch
                {
                    null => new Cell(),
                    int number => new Cell(number),
                    string text => new Cell(Neutralise(text)),
                    var other => new Cell(Neutralise(Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty)),
                };
            }

            await spreadsheet.AddRowAsync(cells, cancellationToken);
        }

        await spreadsheet.FinishAsync(cancellationToken);
    }
}
