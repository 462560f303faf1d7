namespace DisclosurePortal.Core.Tables;

/// <summary>
/// An uploaded table (a catalog file, a company list) as a reader needs it whatever its format: the header's names, then data rows of text cells,
/// one at a time. Opening one decides the format from the content, never from the file's name.
/// </summary>
internal abstract class TableFile : IDisposable
{
    private const int SniffLength = 8192;
    private const string Empty = "The file is empty.";

    /// <summary>What the file was read as, in words for people: "CSV (comma-separated, UTF-8)".</summary>
    public abstract string Format { get; }

    /// <summary>The first non-blank row's cells in file order, trailing blank ones dropped.</summary>
    public IReadOnlyList<string> Headers { get; private set; } = [];

    /// <summary>
    /// Opens <paramref name="stream"/> (seekable) as a workbook or delimited text and reads its header. Throws
    /// <paramref name="subject"/>'s refusal for a file that is empty or neither.
    /// </summary>
    public static TableFile Open(Stream stream, TableFileSubject subject)
    {
        var head = Head(stream);
        if (ProgramSignature.Of(head) is { } program)
        {
            throw subject.Refuse($"This file is {program}, not a table, whatever its name says. Import the {subject.Noun} as CSV or as an Excel workbook (.xlsx).");
        }

        TableFile table = head switch
        {
            [] => throw subject.Refuse(Empty),
            [(byte)'P', (byte)'K', 3, 4, ..] or [(byte)'P', (byte)'K', 5, 6, ..] => WorkbookTableFile.OpenWorkbook(stream, subject),

            // The OLE2 container of Excel 97-2003 files (and of password-protected .xlsx files).
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..] => throw subject.Refuse(
                "This is an Excel 97-2003 workbook (.xls) or a password-protected one. Save it as an Excel Workbook (.xlsx) " +
                "without a password, or as CSV, and import again."),
            _ => new DelimitedTableFile(stream, TableTextEncoding.Sniff(head, complete: head.Length < SniffLength, subject), subject),
        };

        try
        {
            table.Headers = table.ReadHeader(subject);
            return table;
        }
        catch
        {
            table.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The data rows after the header; rows with no content at all are skipped, like blank lines. With
    /// <paramref name="keepRowsOfEmptyCells"/>, a delimited line of empty cells (",,") is a row, for readers that account for every row.
    /// </summary>
    public IEnumerable<TableFileRow> Rows(bool keepRowsOfEmptyCells = false)
    {
        while (ReadRow() is { } row)
        {
            if (!row.IsBlank || (keepRowsOfEmptyCells && row.Cells.Count > 1 && this is DelimitedTableFile))
            {
                yield return row;
            }
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>The next row in the file, blank or not; null at the end.</summary>
    protected abstract TableFileRow? ReadRow();

    protected abstract void Dispose(bool disposing);

    private string[] ReadHeader(TableFileSubject subject)
    {
        TableFileRow? row;
        do
        {
            row = ReadRow() ?? throw subject.Refuse(Empty);
        }
        while (row.IsBlank);

        var cells = row.Cells;
        var length = cells.Count;
        while (string.IsNullOrWhiteSpace(cells[length - 1]))
        {
            length--;
        }

        return cells.Take(length).ToArray();
    }

    private static byte[] Head(Stream stream)
    {
        var start = stream.Position;
        var head = new byte[SniffLength];
        var read = 0;
        int n;
        while (read < head.Length && (n = stream.Read(head, read, head.Length - read)) > 0)
        {
            read += n;
        }

        stream.Position = start;
        return head[..read];
    }
}

/// <summary>One row as read: its line (spreadsheet row or CSV line, 1-based, header included) and its cells as text.</summary>
/// <param name="Problem">Why the row cannot be read as cells (broken quoting, binary bytes), or null.</param>
internal sealed record TableFileRow(int Line, IReadOnlyList<string> Cells, string? Problem = null)
{
    public bool IsBlank => Problem is null && Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// What a table file is read as: the noun its refusals use ("Import the catalog as CSV…") and the exception they
/// raise, so each reader's callers keep catching their own kind of refusal.
/// </summary>
internal sealed record TableFileSubject(string Noun, Func<string, Exception> Refusal)
{
    public Exception Refuse(string message) => Refusal(message);
}
