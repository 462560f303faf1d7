using System.IO.Compression;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Tables;
using static DisclosurePortal.Core.Tests.CatalogOutcome;

namespace DisclosurePortal.Core.Tests;

/// <summary>Excel workbooks as catalog files, and the zip and Excel files that are refused.</summary>
public class CatalogWorkbookTests
{
    [Fact]
    public void Reads_the_first_worksheet_from_its_first_non_empty_row_with_spreadsheet_row_numbers()
    {
        var bytes = new TestWorkbook("Catalogue 2024")
            .Row(2, null, "ISRC", "Title", "Artist")
            .Row(3, null, "USRC17607839", "Hey Jude", "The Beatles")
            .Row(5, null, "USRC17607840", "  Let It Be  ", "The Beatles")
            .Row(6, null, " ", null, string.Empty)
            .Row(7, null, "USRC17607841", null, "The Beatles")
            .ToBytes();

        var rows = Read(bytes);

        Expect(rows, rowsIn: 3, accepted: [3, 5], rejected: (7, "no title"));
        Assert.Equal("Let It Be", Recording(rows, 5).Title);
        Assert.Equal("Excel workbook (sheet 'Catalogue 2024')", CatalogFileReader.Inspect(new MemoryStream(bytes), CatalogKind.Recordings).Format);
    }

    [Fact]
    public void A_workbook_renamed_csv_is_read_as_a_workbook()
    {
        var path = Path.Combine(Path.GetTempPath(), $"catalog-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, new TestWorkbook().Row(1, "ISRC", "Title", "Artist").Row(2, "USRC17607839", "Hey Jude", "The Beatles").ToBytes());
        try
        {
            using var stream = File.OpenRead(path);
            var rows = CatalogFileReader.Read(stream, CatalogKind.Recordings).ToList();

            Expect(rows, rowsIn: 1, accepted: [2]);
            Assert.Equal("Hey Jude", Recording(rows, 2).Title);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Formula_cells_give_their_cached_value_and_are_never_evaluated()
    {
        var rows = Read(new TestWorkbook()
            .Row(1, "ISRC", "Title", "Artist", "Year")
            .Row(2, TestWorkbook.Formula("\"USRC\"&\"17607839\"", "USRC17607839"), TestWorkbook.Formula("UPPER(\"hey jude\")", "HEY JUDE"), "Band", TestWorkbook.NumberFormula("1998+1", 1999))
            .Row(3, "USRC17607840", TestWorkbook.Formula("UPPER(\"never saved\")", null), "Band")
            .ToBytes());

        Expect(rows, rowsIn: 2, accepted: [2], rejected: (3, "no title"));
        var recording = Recording(rows, 2);
        Assert.Equal(("USRC17607839", "HEY JUDE", 1999), (recording.Isrc.Value, recording.Title, recording.Year));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1+1")]
    [InlineData("-2")]
    [InlineData("@SUM(A1)")]
    public void Text_cells_that_look_like_formulas_are_kept_as_written(string title)
    {
        var rows = Read(new TestWorkbook().Row(1, "ISRC", "Title", "Artist").Row(2, "USRC17607839", title, "Band").ToBytes());

        Expect(rows, rowsIn: 1, accepted: [2]);
        Assert.Equal(title, Recording(rows, 2).Title);
    }

    [Fact]
    public void Numbers_and_dates_come_out_as_their_digits_and_iso_dates()
    {
        var rows = Read(
            new TestWorkbook("Releases")
                .Row(1, "UPC", "Album Title", "Artist", "Release Date")
                .Row(2, 5012345678900L, "Stored as a number", "Band", TestWorkbook.Styled(45428, TestWorkbook.DateStyle))
                .Row(3, TestWorkbook.Styled(36000291452, TestWorkbook.ZeroPaddedStyle), "Leading zero kept by the cell format", "Band", null)
                .Row(4, 36000291452L, "Leading zero lost when typed into a General cell", "Band", null)
                .ToBytes(),
            CatalogKind.Releases);

        Expect(rows, rowsIn: 3, accepted: [2, 3], rejected: (4, "UPC/EAN '36000291452' is not valid"));
        var stored = Assert.IsType<CatalogReleaseRow>(rows[0].Item);
        Assert.Equal(("5012345678900", new DateOnly(2024, 5, 16), 2024), (stored.Gtin.Value, stored.ReleaseDate, stored.Year));
        Assert.Equal("0036000291452", Assert.IsType<CatalogReleaseRow>(rows[1].Item).Gtin.Value);
    }

    [Fact]
    public void A_duration_cell_is_read_as_hours_minutes_and_seconds()
    {
        var rows = Read(new TestWorkbook()
            .Row(1, "ISRC", "Title", "Artist", "Duration")
            .Row(2, "USRC17607839", "Song", "Band", TestWorkbook.Styled(225 / 86400.0, TestWorkbook.DurationStyle))
            .ToBytes());

        Expect(rows, rowsIn: 1, accepted: [2]);
        Assert.Equal(225, Recording(rows, 2).DurationSeconds);
    }

    [Fact]
    public void A_duplicated_isrc_is_rejected_naming_the_spreadsheet_row_of_the_first()
    {
        var rows = Read(new TestWorkbook()
            .Row(1, "ISRC", "Title", "Artist")
            .Row(2, "USRC17607839", "First", "Band")
            .Row(4, "US-RC1-76-07839", "Again", "Band")
            .ToBytes());

        Expect(rows, rowsIn: 2, accepted: [2], rejected: (4, "ISRC 'USRC17607839' already appears on line 2"));
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_refused()
    {
        var error = Assert.Throws<CatalogFileException>(() => Read(Zip("catalog.csv")));

        Assert.Equal(
            "This is a zip archive without an Excel workbook in it. Import the catalog as an Excel Workbook (.xlsx) or as CSV (comma- or tab-separated).",
            error.Message);
    }

    [Fact]
    public void A_binary_workbook_is_refused()
    {
        var error = Assert.Throws<CatalogFileException>(() => Read(Zip("xl/workbook.bin")));

        Assert.Equal("This is an Excel binary workbook (.xlsb). Save it as an Excel Workbook (.xlsx) or as CSV and import again.", error.Message);
    }

    [Fact]
    public void A_damaged_zip_is_refused()
    {
        var error = Assert.Throws<CatalogFileException>(() => Read("PK\u0003\u0004rest"u8.ToArray()));

        Assert.Equal(
            "This looks like an Excel workbook (.xlsx) or zip file, but it is damaged and cannot be read. Open it in Excel, save it again and import again.",
            error.Message);
    }

    [Fact]
    public void A_legacy_xls_workbook_is_refused()
    {
        byte[] oleHeader = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        var error = Assert.Throws<CatalogFileException>(() => Read(oleHeader));

        Assert.Equal(
            "This is an Excel 97-2003 workbook (.xls) or a password-protected one. Save it as an Excel Workbook (.xlsx) without a password, or as CSV, and import again.",
            error.Message);
    }

    [Theory]
    [InlineData(5012345678900.0, null, "5012345678900")]
    [InlineData(3.0, "General", "3")]
    [InlineData(0.1, "General", "0.1")]
    [InlineData(1e25, "General", "10000000000000000000000000")]
    [InlineData(36000291452.0, "000000000000", "036000291452")]
    [InlineData(true, null, "TRUE")]
    [InlineData(null, null, "")]
    public void Cell_values_become_the_text_a_csv_export_would_hold(object? value, string? format, string text) =>
        Assert.Equal(text, SpreadsheetCellText.Of(value, format));

    [Fact]
    public void Dates_and_times_become_iso_dates_and_durations()
    {
        Assert.Equal("2024-05-16", SpreadsheetCellText.Of(new DateTime(2024, 5, 16)));
        Assert.Equal("2024-05-16 12:30:00", SpreadsheetCellText.Of(new DateTime(2024, 5, 16, 12, 30, 0)));
        Assert.Equal("0:03:45", SpreadsheetCellText.Of(new DateTime(1899, 12, 31, 0, 3, 45)));
        Assert.Equal("26:03:45", SpreadsheetCellText.Of(new TimeSpan(1, 2, 3, 45)));
    }

    private static byte[] Zip(string entryName)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
            writer.Write("ISRC,Title,Artist\nUSRC17607839,Hey Jude,The Beatles\n");
        }

        return buffer.ToArray();
    }
}
