using System.Text;
using CsvHelper;
using DisclosurePortal.Core.Tables;

namespace DisclosurePortal.Core.Catalog;

/// <summary>
/// Reads a catalog file (recordings, compositions or releases; CSV/TSV/semicolon, delimiter detected;
/// UTF-8 with or without BOM, UTF-16) row by row without holding it in memory. Whole-file problems
/// throw <see cref="CatalogFileException"/> on the first row; every data row comes back accepted or
/// with its line and reason. Cells are data: one starting with = + - @ is kept as written, never evaluated.
/// </summary>
public static class CatalogFileReader
{
    private const int SniffLength = 8192;

    /// <summary>Reads <paramref name="stream"/> (seekable, left open) lazily; enumerate once.</summary>
    public static IEnumerable<CatalogFileRow> Read(
        Stream stream, CatalogKind kind, IReadOnlyDictionary<CatalogField, string>? columnOverrides = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The catalog stream must be seekable (the head is sniffed first).", nameof(stream));
        }

        return ReadRows(stream, kind, columnOverrides);
    }

    private static IEnumerable<CatalogFileRow> ReadRows(Stream stream, CatalogKind kind, IReadOnlyDictionary<CatalogField, string>? overrides)
    {
        var encoding = SniffEncoding(stream);
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var badData = false;
        var config = DelimitedText.Configuration(() => badData = true);
        using var csv = new CsvReader(reader, config);
        if (!ReadNext(csv) || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } headers || headers.All(string.IsNullOrWhiteSpace))
        {
            throw new CatalogFileException("The file is empty.");
        }

        var mapping = CatalogColumns.Map(headers, kind, overrides);
        var missing = CatalogColumns.Required(kind).Where(f => !mapping.ContainsKey(f)).ToList();
        if (kind == CatalogKind.Compositions && !mapping.ContainsKey(CatalogField.Iswc) && !mapping.ContainsKey(CatalogField.SourceId))
        {
            missing.Add(CatalogField.Iswc);
        }

        if (missing.Count > 0)
        {
            throw new CatalogFileException(
                $"A {kind.ToString().ToLowerInvariant()} file needs columns for {string.Join(", ", missing)}. " +
                $"Columns found: {string.Join(", ", headers.Select(h => $"'{h}'"))}.");
        }

        var validator = new CatalogRowValidator(kind, mapping);
        var rows = 0;
        while (ReadNext(csv))
        {
            rows++;
            var line = csv.Parser.Row;
            if (badData)
            {
                badData = false;
                yield return CatalogFileRow.Reject(line, "the row has unbalanced quotes");
                continue;
            }

            yield return validator.Validate(line, field => csv.TryGetField<string>(field, out var value) ? value : null);
        }

        if (rows == 0)
        {
            throw new CatalogFileException("The file has a header but no rows.");
        }
    }

    // A decoding error can only surface while reading; a yield iterator cannot catch around its yields, so it is translated here.
    private static bool ReadNext(CsvReader csv)
    {
        try
        {
            return csv.Read();
        }
        catch (DecoderFallbackException)
        {
            throw new CatalogFileException(
                $"The file is not valid UTF-8 after line {csv.Parser.Row}, though it starts as UTF-8. Save it as UTF-8 (or UTF-16) and import again.");
        }
    }

    /// <summary>Refuses binary files and finds UTF-16 written without a byte order mark; BOMs are honoured by the reader.</summary>
    private static Encoding SniffEncoding(Stream stream)
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
        if (read == 0)
        {
            throw new CatalogFileException("The file is empty.");
        }

        if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        {
            throw new CatalogFileException("This looks like an Excel or zip file, not a CSV. Save it as CSV (comma- or tab-separated) and import again.");
        }

        var span = head.AsSpan(0, read);
        if (span is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return Encoding.Unicode;
        }

        // Text in UTF-16 without a BOM has a zero in every other byte; ASCII-heavy headers make this reliable.
        if (read >= 4 && span.Contains((byte)0))
        {
            var evenZeros = 0;
            var oddZeros = 0;
            for (var i = 0; i + 1 < read; i += 2)
            {
                evenZeros += span[i] == 0 ? 1 : 0;
                oddZeros += span[i + 1] == 0 ? 1 : 0;
            }

            var pairs = read / 2;
            if (oddZeros > pairs * 0.9 && evenZeros == 0)
            {
                return Encoding.Unicode;
            }

            if (evenZeros > pairs * 0.9 && oddZeros == 0)
            {
                return Encoding.BigEndianUnicode;
            }

            throw new CatalogFileException("This is not a text file. Import the catalog as CSV (comma- or tab-separated).");
        }

        // Spreadsheet exports on Windows are often in the ANSI code page: decode those as Windows-1252 rather
        // than turning every accented letter into U+FFFD. A BOM, when present, still wins in the StreamReader.
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        return IsUtf8(span, complete: read < SniffLength) ? strict : Windows1252();
    }

    private static bool IsUtf8(ReadOnlySpan<byte> head, bool complete)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(head, new char[head.Length], out _, out _, replaceInvalidSequences: false, isFinalBlock: complete);
        return status is System.Buffers.OperationStatus.Done or System.Buffers.OperationStatus.NeedMoreData;
    }

    private static Encoding Windows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
