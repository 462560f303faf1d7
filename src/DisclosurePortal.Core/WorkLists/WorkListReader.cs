using System.Text;
using CsvHelper;
using DisclosurePortal.Core.Tables;
using DisclosurePortal.Core.Identifiers;

namespace DisclosurePortal.Core.WorkLists;

/// <summary>
/// Reads an uploaded work list (CSV/TSV/semicolon, delimiter detected) row by row without holding
/// the file in memory. Every data row comes back either accepted or with the reason it was rejected.
/// </summary>
public static class WorkListReader
{
    public const int MaxTitleLength = 1000;
    private const int SniffLength = 8192;

    public static IEnumerable<WorkListRow> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffered = stream.CanSeek ? stream : new BufferedStream(stream, SniffLength * 2);
        RefuseBinary(buffered);
        return ReadRows(buffered);
    }

    private static void RefuseBinary(Stream stream)
    {
        var head = new byte[SniffLength];
        var read = 0;
        int n;
        var start = stream.CanSeek ? stream.Position : 0;
        while (read < head.Length && (n = stream.Read(head, read, head.Length - read)) > 0)
        {
            read += n;
        }

        if (read == 0)
        {
            throw new WorkListFormatException("The file is empty.");
        }

        if (!stream.CanSeek)
        {
            throw new InvalidOperationException("The work list stream must be seekable.");
        }

        stream.Position = start;
        if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        {
            throw new WorkListFormatException("This looks like an Excel or zip file, not a CSV. Save it as CSV (comma- or tab-separated) and upload again.");
        }

        var utf16 = read >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));
        if (!utf16 && head.AsSpan(0, read).Contains((byte)0))
        {
            throw new WorkListFormatException("This is not a text file. Upload the list as CSV (comma- or tab-separated).");
        }
    }

    private static IEnumerable<WorkListRow> ReadRows(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var badData = false;
        var config = DelimitedText.Configuration(_ => badData = true);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } headers)
        {
            throw new WorkListFormatException("The file is empty.");
        }

        var mapping = WorkListColumns.Suggest(headers);
        var hasTitle = mapping.TryGetValue(WorkListField.Title, out var titleIndex);
        var hasArtist = mapping.TryGetValue(WorkListField.Artist, out var artistIndex);
        var hasIsrc = mapping.TryGetValue(WorkListField.Isrc, out var isrcIndex);
        if (!hasIsrc && !(hasTitle && hasArtist))
        {
            throw new WorkListFormatException(
                "The file needs an ISRC column, or a title column and an artist column " +
                $"(for example 'ISRC', 'Title', 'Artist'). Columns found: {string.Join(", ", headers.Select(h => $"'{h}'"))}.");
        }

        var rows = 0;
        while (csv.Read())
        {
            rows++;
            var line = csv.Parser.Row;
            if (badData)
            {
                badData = false;
                yield return Rejected(line, "the row has unbalanced quotes");
                continue;
            }

            yield return Validate(
                line,
                hasTitle ? Cell(csv, titleIndex) : null,
                hasArtist ? Cell(csv, artistIndex) : null,
                hasIsrc ? Cell(csv, isrcIndex) : null);
        }

        if (rows == 0)
        {
            throw new WorkListFormatException("The file has a header but no rows.");
        }
    }

    internal static WorkListRow Validate(int line, string? title, string? artist, string? isrcText)
    {
        if (title is { Length: > MaxTitleLength })
        {
            return Rejected(line, $"the title is longer than {MaxTitleLength:N0} characters");
        }

        Isrc? isrc = Isrc.TryParse(isrcText, out var parsed) ? parsed : null;
        var hasTitle = !string.IsNullOrWhiteSpace(title);
        var isrcInvalid = !string.IsNullOrWhiteSpace(isrcText) && isrc is null;
        if (!hasTitle && isrc is null)
        {
            return Rejected(line, isrcInvalid ? $"ISRC '{isrcText}' is not valid and there is no title" : "no title and no ISRC");
        }

        var warning = isrcInvalid ? $"ISRC '{isrcText}' is not valid and was ignored" : null;
        return new WorkListRow(line, NullIfBlank(title), NullIfBlank(artist), NullIfBlank(isrcText), isrc, null, warning);
    }

    private static WorkListRow Rejected(int line, string reason) => new(line, null, null, null, null, reason, null);

    private static string? Cell(CsvReader csv, int index) =>
        csv.TryGetField<string>(index, out var value) ? value : null;

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
