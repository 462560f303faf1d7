using System.Text;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Tables;
using static DisclosurePortal.Core.Tests.CatalogOutcome;

namespace DisclosurePortal.Core.Tests;

/// <summary>
/// Broken and unusual delimited catalog files, made in code: each test states what happens to every row
/// (accepted, or rejected with its line and reason) or the whole-file refusal.
/// </summary>
public class CatalogFileCorpusTests
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    [Theory]
    [InlineData("UTF-8", false, "UTF-8")]
    [InlineData("UTF-8", true, "UTF-8")]
    [InlineData("UTF-16LE", false, "UTF-16 LE")]
    [InlineData("UTF-16LE", true, "UTF-16 LE")]
    [InlineData("UTF-16BE", false, "UTF-16 BE")]
    [InlineData("UTF-16BE", true, "UTF-16 BE")]
    [InlineData("Windows-1252", false, "Windows-1252")]
    public void Decodes_every_encoding_spreadsheets_export(string encodingName, bool bom, string shownAs)
    {
        var encoding = encodingName switch
        {
            "UTF-8" => new UTF8Encoding(bom),
            "UTF-16LE" => Encoding.Unicode,
            "UTF-16BE" => Encoding.BigEndianUnicode,
            _ => TableTextEncoding.Windows1252,
        };
        var bytes = Bytes("ISRC,Title,Artist\nUSRC17607839,Café Ñandú,Björk\nUSRC17607840,Olé,Sigur Rós\n", encoding, bom);

        var rows = Read(bytes);

        Expect(rows, rowsIn: 2, accepted: [2, 3]);
        Assert.Equal(("Café Ñandú", "Björk"), (Recording(rows, 2).Title, Recording(rows, 2).Artist));
        Assert.Equal(("Olé", "Sigur Rós"), (Recording(rows, 3).Title, Recording(rows, 3).Artist));
        Assert.Equal($"CSV (comma-separated, {shownAs})", CatalogFileReader.Inspect(new MemoryStream(bytes), CatalogKind.Recordings).Format);
    }

    [Theory]
    [InlineData(",", "comma-separated")]
    [InlineData(";", "semicolon-separated")]
    [InlineData("\t", "tab-separated")]
    [InlineData("|", "pipe-separated")]
    public void Detects_each_delimiter_and_keeps_it_inside_quoted_cells(string d, string shownAs)
    {
        var bytes = Utf8.GetBytes($"ISRC{d}Title{d}Artist\nUSRC17607839{d}\"Song{d} Part 2\"{d}Band\nUSRC17607840{d}Other{d}Band\n");

        var rows = Read(bytes);

        Expect(rows, rowsIn: 2, accepted: [2, 3]);
        Assert.Equal($"Song{d} Part 2", Recording(rows, 2).Title);
        Assert.Equal($"CSV ({shownAs}, UTF-8)", CatalogFileReader.Inspect(new MemoryStream(bytes), CatalogKind.Recordings).Format);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Reads_each_line_ending(string newline)
    {
        var rows = Read(Utf8.GetBytes(string.Join(newline, "ISRC,Title,Artist", "USRC17607839,A,Band", "bad,B,Band", "USRC17607840,C,Band")));

        Expect(rows, rowsIn: 3, accepted: [2, 4], rejected: (3, "ISRC 'bad' is not valid"));
    }

    [Fact]
    public void An_unclosed_quote_rejects_its_row_and_says_how_many_lines_it_swallowed()
    {
        // CsvHelper (RFC 4180 mode) reads a quoted cell up to the next quote, across line breaks, to the end of
        // the file when none follows: the lines after the broken one become part of its cell. It reports that
        // (BadDataFound) only as the cells are taken out of the record. The reader rejects the row and counts
        // the lines it swallowed, so they do not vanish without a word.
        var rows = Read(Utf8.GetBytes(
            "ISRC,Title,Artist\n" +
            "USRC17607839,Fine,Band\n" +
            "USRC17607840,\"Broken,Band\n" +
            "USRC17607841,After,Band\n" +
            "USRC17607842,After too,Band\n"));

        Expect(rows, rowsIn: 2, accepted: [2], rejected: (3, "the row has unbalanced quotes: the 2 line(s) after it were read into it, and none was imported"));
    }

    [Fact]
    public void An_unclosed_quote_before_a_long_rest_of_the_file_stops_at_the_cell_limit()
    {
        var text = new StringBuilder("ISRC,Title,Artist\nUSRC17607839,Fine,Band\nUSRC17607840,\"Broken,Band\n");
        for (var i = 0; text.Length <= 2 * CatalogLimits.LineLength; i++)
        {
            text.Append("USRC1760").Append(1000 + i).Append(",Title,Band\n");
        }

        var (rows, error) = ReadUntilRefused(Utf8.GetBytes(text.ToString()));

        Expect(rows, rowsIn: 1, accepted: [2]);
        Assert.Equal(
            "A cell on line 3 is longer than 100,000 characters, most likely because a quote (\") opened there is never closed. Fix the quoting and import again.",
            error.Message);
    }

    [Fact]
    public void Text_after_a_closing_quote_rejects_that_row_only_even_as_the_last_row()
    {
        var rows = Read(Utf8.GetBytes(
            "ISRC,Title,Artist,Notes\n" +
            "USRC17607839,\"Broken\" tail,Band,\n" +
            "USRC17607840,Fine,Band,\n" +
            "USRC17607841,Fine too,Band,\"Unmapped\" tail\n"));

        Expect(rows, rowsIn: 3, accepted: [3], rejected: [(2, "the row has unbalanced quotes"), (4, "the row has unbalanced quotes")]);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_cell_is_kept_as_written()
    {
        var rows = Read(Utf8.GetBytes("ISRC,Title,Artist\nUSRC17607839,Song (12\" Mix),Band\n"));

        Expect(rows, rowsIn: 1, accepted: [2]);
        Assert.Equal("Song (12\" Mix)", Recording(rows, 2).Title);
    }

    [Fact]
    public void A_50_MB_line_is_refused_early_with_bounded_memory()
    {
        using var stream = new EndlessLineStream(50L * 1024 * 1024);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<CatalogFileException>(() => CatalogFileReader.Read(stream, CatalogKind.Recordings).ToList());

        Assert.Equal(
            "Line 1 is longer than 100,000 characters, far more than any catalog row: this is not a catalog file, or its line breaks are missing.",
            error.Message);
        Assert.True(stream.Position < 1024 * 1024, $"read {stream.Position:N0} bytes of the line");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 8 * 1024 * 1024);
    }

    [Fact]
    public void A_nul_byte_inside_a_text_file_rejects_its_row()
    {
        // A stray NUL or two in a few hundred bytes is a damaged row; more than one in a hundred bytes makes a binary file.
        var rows = Read(Utf8.GetBytes(
            "ISRC,Title,Artist\nUSRC17607839,Fine,Band\nUSRC17607840,Bro\0ken,Band\nUSRC17607841,After,Band\n" +
            "USRC17607842,More,Band\nUSRC17607843,More,Band\nUSRC17607844,More,Band\nUSRC17607845,More,Band\n"));

        Expect(rows, rowsIn: 7, accepted: [2, 4, 5, 6, 7, 8], rejected: (3, "the row contains NUL characters"));
    }

    [Fact]
    public void A_file_full_of_nul_and_control_bytes_is_refused_as_binary()
    {
        var bytes = Utf8.GetBytes("ISRC,Title,Artist\n").Concat(Enumerable.Range(0, 2000).Select(i => (byte)(i % 7))).ToArray();

        var error = Assert.Throws<CatalogFileException>(() => Read(bytes));

        Assert.Equal("This is not a text file. Import the catalog as CSV (comma- or tab-separated) or as an Excel workbook (.xlsx).", error.Message);
    }

    [Theory]
    [InlineData("", "The file is empty.")]
    [InlineData("\n\r\n\n", "The file is empty.")]
    [InlineData(",,\n , ,\n", "The file is empty.")]
    [InlineData("ISRC,Title,Artist\n", "The file has a header but no rows.")]
    [InlineData("ISRC,Title,Artist\n\n,,\n", "The file has a header but no rows.")]
    public void Refuses_a_file_without_header_or_rows(string text, string message)
    {
        var error = Assert.Throws<CatalogFileException>(() => Read(Utf8.GetBytes(text)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Blank_rows_are_skipped_and_lines_still_count_them()
    {
        var rows = Read(Utf8.GetBytes("\nISRC,Title,Artist,\n\nUSRC17607839,Fine,Band,\n,,,\nbad,Wrong,Band,\n"));

        Expect(rows, rowsIn: 2, accepted: [4], rejected: (6, "ISRC 'bad' is not valid"));
    }

    private static (List<CatalogFileRow> Rows, CatalogFileException Error) ReadUntilRefused(byte[] bytes)
    {
        var rows = new List<CatalogFileRow>();
        var error = Assert.Throws<CatalogFileException>(() =>
        {
            foreach (var row in CatalogFileReader.Read(new MemoryStream(bytes), CatalogKind.Recordings))
            {
                rows.Add(row);
            }
        });
        return (rows, error);
    }

    /// <summary>One line of short cells and no line break, made up as it is read so the test holds no 50 MB buffer.</summary>
    private sealed class EndlessLineStream(long length) : Stream
    {
        private static readonly byte[] Pattern = "0123456789,"u8.ToArray();

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = Pattern[(Position + i) % Pattern.Length];
            }

            Position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
