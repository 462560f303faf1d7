using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>
/// Reports people download and open in a spreadsheet: UTF-8 with a BOM (so accents survive), and any cell that
/// would start a formula escaped, since cells quote what others uploaded.
/// </summary>
public static class CsvTable
{
    public static Task WriteAsync(Stream target, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(target, headers, rows.ToAsyncEnumerable(), cancellationToken);
    }

    /// <summary>Rows read as they are written (a paged database read), so a long table is never held whole.</summary>
    public static async Task WriteAsync(Stream target, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        await using var writer = new StreamWriter(target, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, config);
        foreach (var header in headers)
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var cell in row)
            {
                csv.WriteField(cell);
            }

            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>A download of the table: "attachment", CSV, the given name.</summary>
    public static IResult Download(string fileName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) =>
        Results.Stream(stream => WriteAsync(stream, headers, rows), "text/csv; charset=utf-8", fileName);

    public static IResult Download(string fileName, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<object?>> rows) =>
        Results.Stream(stream => WriteAsync(stream, headers, rows), "text/csv; charset=utf-8", fileName);
}
