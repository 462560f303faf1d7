using System.Text;
using DisclosurePortal.Core.Matching;
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
        Assert.Contains("'Name of thing'", ex.Message, StringComparison.Ordinal);
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

    [Fact]
    public void Reads_every_field_a_list_carries_with_their_usual_names()
    {
        var row = Assert.Single(Read(
            "Track Title;Main Artist;Album Title;ISRC Code;ISWC;EAN;Track Length;Release Date;Asset Type;Dataset;Access Method;Number of Copies;Still Retained;Usage;Model\n" +
            "Paper Lights;Nadia Okafor;Night Songs;GB-AYE-76-00012;T-034.524.680-1;5012345678900;PT3M20S;2011-05-18;lyrics;LAION-Audio;crawler;3;until 2026;pre-training;Model X\n"));
        Assert.True(row.IsAccepted);
        Assert.Null(row.Warning);
        Assert.Equal(("Paper Lights", "Nadia Okafor", "Night Songs"), (row.Title, row.Artist, row.Album));
        Assert.Equal(("GBAYE7600012", "T0345246801", "5012345678900"), (row.Isrc?.Value, row.Iswc?.Value, row.Upc?.Value));
        Assert.Equal((200, 2011, AssetKind.Lyrics), (row.DurationSeconds, row.Year, row.Asset));
        Assert.Equal(new WorkListUsage("LAION-Audio", "crawler", 3, "until 2026", "pre-training", "Model X"), row.Usage);
    }

    [Theory]
    [InlineData("3:20", 200)]
    [InlineData("200", 200)]
    [InlineData("PT3M20S", 200)]
    [InlineData("1:02:03", 3723)]
    public void Reads_durations_as_lists_write_them(string duration, int seconds)
    {
        var row = Assert.Single(Read($"Title,Artist,Duration\nSong,Artist,{duration}\n"));
        Assert.Equal(seconds, row.DurationSeconds);
    }

    [Fact]
    public void Infers_the_asset_kind_from_the_identifiers_when_no_column_says_it()
    {
        var rows = Read("Title,ISRC,ISWC,UPC\n,,T-034.524.680-1,\n,,,5012345678900\nSong,USRC17607839,,\nWork,,T-034.524.680-1,5012345678900\n");
        Assert.Equal([AssetKind.Lyrics, AssetKind.Artwork, AssetKind.Audio, AssetKind.Audio], rows.Select(r => r.Asset));
        Assert.All(rows, r => Assert.True(r.IsAccepted));

        // A list with no identifier but ISWC lists compositions; one with only UPC/EAN, releases.
        Assert.Equal(AssetKind.Lyrics, Assert.Single(Read("Title,ISWC\nWork,T-034.524.680-1\n")).Asset);
        Assert.Equal(AssetKind.Artwork, Assert.Single(Read("Album,Artist,UPC\nNight Songs,Nadia,5012345678900\n")).Asset);
    }

    [Fact]
    public void Invalid_identifiers_and_unreadable_values_are_warnings_kept_apart_from_rejections()
    {
        var rows = Read("Title,Artist,ISWC,UPC,Duration,Year,Kind,Copies\nSong,Artist,T-1,123,about three minutes,soon,hologram,many\n,,T-1,123,,,,\n");
        Assert.True(rows[0].IsAccepted);
        Assert.Null(rows[0].Iswc);
        Assert.Equal("T-1", rows[0].IswcText);
        Assert.Contains("ISWC 'T-1' is not valid and was ignored", rows[0].Warning, StringComparison.Ordinal);
        Assert.Contains("UPC/EAN '123' is not valid and was ignored", rows[0].Warning, StringComparison.Ordinal);
        Assert.Contains("duration 'about three minutes' could not be read", rows[0].Warning, StringComparison.Ordinal);
        Assert.Contains("year 'soon' could not be read", rows[0].Warning, StringComparison.Ordinal);
        Assert.Contains("asset kind 'hologram'", rows[0].Warning, StringComparison.Ordinal);
        Assert.Contains("number of copies 'many'", rows[0].Warning, StringComparison.Ordinal);
        Assert.Equal("ISWC 'T-1' and UPC/EAN '123' are not valid and there is no title", rows[1].Rejection);
    }

    [Fact]
    public void A_confirmed_mapping_reads_columns_whatever_their_names()
    {
        var mapping = new Dictionary<WorkListField, int> { [WorkListField.Title] = 1, [WorkListField.Artist] = 0, [WorkListField.Isrc] = 2 };
        var row = Assert.Single(WorkListReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("Interpret;Werk;Kennung\nNadia;Lichter;USRC17607839\n")), mapping));
        Assert.Equal(("Lichter", "Nadia", "USRC17607839"), (row.Title, row.Artist, row.Isrc?.Value));
    }

    [Fact]
    public void Inspection_shows_the_format_header_first_rows_and_suggestion()
    {
        var inspection = WorkListReader.Inspect(new MemoryStream(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Title\tArtist\tFoo\nA\tB\tC\n")).ToArray()));
        Assert.Equal("CSV (tab-separated, UTF-16 LE)", inspection.Format);
        Assert.Equal(["Title", "Artist", "Foo"], inspection.Headers);
        Assert.Equal(["A", "B", "C"], Assert.Single(inspection.SampleRows));
        Assert.Equal(new Dictionary<WorkListField, int> { [WorkListField.Title] = 0, [WorkListField.Artist] = 1 }, inspection.SuggestedMapping);
        Assert.Equal(inspection.HeaderKey, WorkListColumns.HeaderKey(["TITLE", "artist", "foo"]));
    }

    [Fact]
    public void Reads_an_xlsx_workbook()
    {
        var bytes = new TestWorkbook("Works").Row(1, "Title", "Artist", "ISRC").Row(2, "Song", "Band", "USRC17607839").ToBytes();
        var row = Assert.Single(WorkListReader.Read(new MemoryStream(bytes)));
        Assert.Equal(("Song", "Band", "USRC17607839", 2), (row.Title, row.Artist, row.Isrc?.Value, row.LineNumber));
    }

    [Fact]
    public void Refuses_a_program_renamed_csv()
    {
        var ex = Assert.Throws<WorkListFormatException>(() => WorkListReader.Read(new MemoryStream([(byte)'M', (byte)'Z', 0x90, 0, 3, 0])).ToList());
        Assert.Contains("Windows program", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_round_trips_through_its_json_and_a_stale_one_is_dropped()
    {
        var mapping = new Dictionary<WorkListField, int> { [WorkListField.Title] = 1, [WorkListField.Upc] = 4 };
        var json = ColumnMappingJson.Write(mapping);
        Assert.Equal(mapping, ColumnMappingJson.Read(json, 5));
        Assert.Null(ColumnMappingJson.Read(json, 4));
        Assert.Null(ColumnMappingJson.Read("{\"Nonsense\":1}", 5));
        Assert.Null(ColumnMappingJson.Read("not json", 5));
    }
}
