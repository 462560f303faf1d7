using System.Text;
using DisclosurePortal.Core.WorkLists;

namespace DisclosurePortal.Core.Tests;

public class WorkListReaderTests
{
    private static List<WorkListRow> Read(string text, Encoding? encoding = null)
    {
        var bytes = (encoding ?? new UTF8Encoding(false)).GetPreamble().Concat((encoding ?? Encoding.UTF8).GetBytes(text)).ToArray();
        return WorkListReader.Read(new MemoryStream(bytes)).ToList();
    }

    [Fact]
    public void Reads_rows_with_line_numbers()
    {
        var rows = Read("Title,Artist,ISRC\nHey Jude,The Beatles,GB-AYE-68-00011\nYesterday,The Beatles,\n");
        Assert.Equal(2, rows.Count);
        Assert.Equal(2, rows[0].LineNumber);
        Assert.Equal("GBAYE6800011", rows[0].Isrc?.Value);
        Assert.Equal("Yesterday", rows[1].Title);
        Assert.Null(rows[1].Isrc);
        Assert.All(rows, r => Assert.True(r.IsAccepted));
    }

    [Theory]
    [InlineData("Song Title;Performer;ISRC Code\nA;B;USRC17607839\n")]
    [InlineData("track_name\tartist_name\tisrc\nA\tB\tUSRC17607839\n")]
    [InlineData("TITLE|ARTIST|ISRC\nA|B|USRC17607839\n")]
    public void Recognises_header_synonyms_and_delimiters(string text)
    {
        var row = Assert.Single(Read(text));
        Assert.Equal("A", row.Title);
        Assert.Equal("B", row.Artist);
        Assert.Equal("USRC17607839", row.Isrc?.Value);
    }

    [Fact]
    public void Reads_utf16_with_bom()
    {
        var row = Assert.Single(Read("Title,Artist\nCorazón,Ana\n", Encoding.Unicode));
        Assert.Equal("Corazón", row.Title);
    }

    [Fact]
    public void Reads_an_isrc_only_list()
    {
        var row = Assert.Single(Read("ISRC\nUSRC17607839\n"));
        Assert.True(row.IsAccepted);
    }

    [Fact]
    public void Rejects_rows_without_title_or_isrc_and_keeps_counting()
    {
        var rows = Read("Title,Artist,ISRC\n,Someone,\nGood,Artist,\n,,not-an-isrc\n");
        Assert.Equal(3, rows.Count);
        Assert.Equal("no title and no ISRC", rows[0].Rejection);
        Assert.True(rows[1].IsAccepted);
        Assert.Equal("ISRC 'not-an-isrc' is not valid and there is no title", rows[2].Rejection);
        Assert.Equal([2, 3, 4], rows.Select(r => r.LineNumber));
    }

    [Fact]
    public void Warns_about_an_invalid_isrc_when_the_title_carries_the_row()
    {
        var row = Assert.Single(Read("Title,Artist,ISRC\nSong,Artist,XX-1\n"));
        Assert.True(row.IsAccepted);
        Assert.Null(row.Isrc);
        Assert.Equal("ISRC 'XX-1' is not valid and was ignored", row.Warning);
    }

    [Fact]
    public void Rejects_an_absurdly_long_title()
    {
        var row = Assert.Single(Read($"Title,Artist\n{new string('a', 10_000)},B\n"));
        Assert.False(row.IsAccepted);
        Assert.Contains("longer than", row.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_empty_file()
    {
        var ex = Assert.Throws<WorkListFormatException>(() => Read(string.Empty));
        Assert.Equal("The file is empty.", ex.Message);
    }

    [Fact]
    public void Refuses_a_header_only_file()
    {
        var ex = Assert.Throws<WorkListFormatException>(() => Read("Title,Artist,ISRC\n"));
        Assert.Contains("no rows", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_file_without_the_needed_columns()
    {
        var ex = Assert.Throws<WorkListFormatException>(() => Read("Name of thing,Colour\nA,Red\n"));
        Assert.Contains("ISRC column", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'Colour'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_xlsx_renamed_csv()
    {
        var bytes = new byte[] { (byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0 };
        var ex = Assert.Throws<WorkListFormatException>(() => WorkListReader.Read(new MemoryStream(bytes)).ToList());
        Assert.Contains("Excel", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_binary_content()
    {
        var bytes = new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 0, 13 };
        var ex = Assert.Throws<WorkListFormatException>(() => WorkListReader.Read(new MemoryStream(bytes)).ToList());
        Assert.Contains("not a text file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_rows_in_equal_accepted_plus_rejected()
    {
        var text = new StringBuilder("Title,Artist,ISRC\n");
        for (var i = 0; i < 500; i++)
        {
            text.Append(i % 7 == 0 ? ",,\n" : $"Song {i},Artist {i},\n");
        }

        var rows = Read(text.ToString());
        Assert.Equal(500, rows.Count);
        Assert.Equal(72, rows.Count(r => !r.IsAccepted));
        Assert.Equal(Enumerable.Range(2, 500), rows.Select(r => r.LineNumber));
    }
}
