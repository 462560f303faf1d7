using System.Text;
using CsvHelper;

namespace DisclosurePortal.Core.Tables;

/// <summary>
/// A CSV/TSV/semicolon/pipe table read through CsvHelper with memory bounded by
/// <see cref="TableLimits.LineLength"/>: a longer line or cell stops the import with the line it is on.
/// </summary>
internal sealed class DelimitedTableFile : TableFile
{
    private readonly StreamReader text;
    private readonly CsvParser parser;
    private readonly TableFileSubject subject;
    private string? badField;

    public DelimitedTableFile(Stream stream, Encoding encoding, TableFileSubject subject)
    {
        this.subject = subject;
        text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var config = DelimitedText.Configuration(args => badField ??= args.Field) with { MaxFieldSize = TableLimits.LineLength };
        parser = new CsvParser(new LineLengthGuard(text, TableLimits.LineLength), config);
    }

    public override string Format => $"CSV ({DelimiterName(parser.Delimiter)}, {TableTextEncoding.Name(text.CurrentEncoding)})";

    protected override TableFileRow? ReadRow()
    {
        badField = null;
        if (!Advance())
        {
            return null;
        }

        // CsvHelper reports bad quoting only as each cell is taken out of the record: take them all now so the
        // problem is pinned on this row (not on the next one, nor lost when the broken cell is not mapped).
        var cells = parser.Record ?? [];
        return new TableFileRow(parser.Row, cells, Problem(cells));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            parser.Dispose();
        }
    }

    private string? Problem(string[] cells)
    {
        // A quote inside an unquoted cell (Song (12" Mix)) is read as written; only a quoted cell that goes wrong is.
        if (badField is { } field && field.TrimStart().StartsWith('"'))
        {
            // RFC 4180 quoting runs from an opening quote to the next quote, across line breaks: an unclosed one
            // swallows the lines after it (to the end of the file if no quote follows) into this row.
            var swallowed = parser.RawRecord.TrimEnd('\r', '\n').Count(c => c == '\n');
            return swallowed == 0
                ? "the row has unbalanced quotes"
                : $"the row has unbalanced quotes: the {swallowed:N0} line(s) after it were read into it, and none was imported";
        }

        return cells.Any(c => c.Contains('\0', StringComparison.Ordinal))
            ? "the row contains NUL characters: this part of the file is not text"
            : null;
    }

    // A yield iterator cannot catch around its yields, so read errors are translated here.
    private bool Advance()
    {
        try
        {
            return parser.Read();
        }
        catch (DecoderFallbackException)
        {
            throw subject.Refuse(
                $"The file is not valid UTF-8 after line {parser.Row}, though it starts as UTF-8. Save it as UTF-8 (or UTF-16) and import again.");
        }
        catch (LineTooLongException tooLong)
        {
            throw subject.Refuse(
                $"Line {tooLong.Line:N0} is longer than {TableLimits.LineLength:N0} characters, far more than any {subject.Noun} row: " +
                $"this is not a {subject.Noun} file, or its line breaks are missing.");
        }
        catch (MaxFieldSizeException)
        {
            throw subject.Refuse(
                $"A cell on line {parser.Row:N0} is longer than {TableLimits.LineLength:N0} characters, most likely because a quote (\") " +
                "opened there is never closed. Fix the quoting and import again.");
        }
    }

    private static string DelimiterName(string delimiter) => delimiter switch
    {
        "," => "comma-separated",
        ";" => "semicolon-separated",
        "\t" => "tab-separated",
        "|" => "pipe-separated",
        _ => $"separated by '{delimiter}'",
    };
}
