using System.Text;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Synthetic;

namespace DisclosurePortal.Core.Tests;

public class CatalogFileReaderTests
{
    private static List<CatalogFileRow> Read(string text, CatalogKind kind = CatalogKind.Recordings, Encoding? encoding = null, IReadOnlyDictionary<CatalogField, string>? overrides = null)
    {
        encoding ??= new UTF8Encoding(false);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
        return CatalogFileReader.Read(new MemoryStream(bytes), kind, overrides).ToList();
    }

    [Theory]
    [InlineData("Song Title,Artist Name,ISRC Code\nHey Jude,The Beatles,GB-AYE-68-00011\n")]
    [InlineData("track_name\tmain_artist\tisrc\nHey Jude\tThe Beatles\tGBAYE6800011\n")]
    [InlineData("TITLE;ARTIST;ISRC\nHey Jude;The Beatles;gb aye 68 00011\n")]
    public void Reads_recordings_by_header_synonyms_and_detected_delimiter(string text)
    {
        var row = Assert.Single(Read(text));
        var recording = Assert.IsType<CatalogRecordingRow>(row.Item);
        Assert.Equal(2, row.Line);
        Assert.Equal("GBAYE6800011", recording.Isrc.Value);
        Assert.Equal("Hey Jude", recording.Title);
        Assert.Equal("The Beatles", recording.Artist);
    }

    [Fact]
    public void Reads_every_optional_recording_field()
    {
        var row = Assert.Single(Read(
            "recording_id,isrc,title,version,main_artist,featured_artists,duration,year,label,composition_id,release_id\n" +
            "REC-1,USRC17607839,Song,Radio Edit,Band,A; B,3:05,1999,Aurora,WRK-1,REL-1\n"));
        var r = Assert.IsType<CatalogRecordingRow>(row.Item);
        Assert.Equal(("REC-1", "Radio Edit", 185, 1999, "Aurora", "WRK-1", "REL-1"), (r.SourceId, r.Version, r.DurationSeconds, r.Year, r.Label, r.CompositionSourceId, r.ReleaseSourceId));
        Assert.Equal(["A", "B"], r.FeaturedArtists);
    }

    [Fact]
    public void Reads_track_and_disc_numbers_and_rejects_nonsense()
    {
        var rows = Read("ISRC,Title,Artist,Track No,Disc\nUSRC17607839,A,B,3,2\nUSRC17607840,A,B,0,\nUSRC17607841,A,B,two,\n");
        var r = Assert.IsType<CatalogRecordingRow>(rows[0].Item);
        Assert.Equal((3, 2), (r.TrackNumber, r.DiscNumber));
        Assert.Equal("track number '0' is not a whole number from 1", rows[1].RejectionReason);
        Assert.Equal("track number 'two' is not a whole number from 1", rows[2].RejectionReason);
    }

    [Fact]
    public void Refuses_a_file_that_stops_being_utf8_after_the_sniffed_head()
    {
        var text = new StringBuilder("ISRC,Title,Artist\n");
        for (var i = 0; i < 400; i++)
        {
            text.Append("USRC1760").Append(i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)).Append(",Title ").Append(i).Append(",Band\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString()).Concat(Encoding.Latin1.GetBytes("USRC17609999,Café,Band\n")).ToArray();
        var error = Assert.Throws<CatalogFileException>(() => CatalogFileReader.Read(new MemoryStream(bytes), CatalogKind.Recordings).ToList());
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_rows_with_line_and_reason()
    {
        var rows = Read(
            "ISRC,Title,Artist\n" +
            "USRC17607839,Fine,Band\n" +
            "NOT-AN-ISRC,Bad id,Band\n" +
            "USRC17607840,,Band\n" +
            "US-RC1-76-07839,Duplicate,Band\n" +
            $"USRC17607841,{new string('x', 1001)},Band\n" +
            ",No id,Band\n");
        Assert.Equal([2, 3, 4, 5, 6, 7], rows.Select(r => r.Line));
        Assert.True(rows[0].Accepted);
        Assert.Equal("ISRC 'NOT-AN-ISRC' is not valid", rows[1].RejectionReason);
        Assert.Equal("no title", rows[2].RejectionReason);
        Assert.Equal("ISRC 'USRC17607839' already appears on line 2", rows[3].RejectionReason);
        Assert.Equal("the title is longer than 1,000 characters", rows[4].RejectionReason);
        Assert.Equal("no ISRC", rows[5].RejectionReason);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1+1")]
    [InlineData("-2")]
    [InlineData("@SUM(A1)")]
    public void Formula_like_cells_are_kept_as_written(string title)
    {
        var row = Assert.Single(Read($"ISRC,Title,Artist\nUSRC17607839,\"{title.Replace("\"", "\"\"")}\",Band\n"));
        Assert.Equal(title, Assert.IsType<CatalogRecordingRow>(row.Item).Title);
    }

    [Fact]
    public void An_override_chooses_the_column()
    {
        var row = Assert.Single(Read(
            "Code,Name,Work title,Who\nUSRC17607839,ignored,The Song,Band\n",
            overrides: new Dictionary<CatalogField, string> { [CatalogField.Isrc] = "Code", [CatalogField.Title] = "work title", [CatalogField.Artist] = "Who" }));
        var r = Assert.IsType<CatalogRecordingRow>(row.Item);
        Assert.Equal(("USRC17607839", "The Song", "Band"), (r.Isrc.Value, r.Title, r.Artist));
    }

    [Fact]
    public void An_override_naming_a_missing_column_refuses_the_file()
    {
        var error = Assert.Throws<CatalogFileException>(() => Read(
            "ISRC,Title,Artist\nUSRC17607839,A,B\n", overrides: new Dictionary<CatalogField, string> { [CatalogField.Title] = "Song" }));
        Assert.Equal("The column 'Song' chosen for Title is not in the file.", error.Message);
    }

    [Theory]
    [InlineData("EAN", CatalogKind.Releases, CatalogField.Gtin)]
    [InlineData("UPC Code", CatalogKind.Releases, CatalogField.Gtin)]
    [InlineData("release_id", CatalogKind.Releases, CatalogField.SourceId)]
    [InlineData("release_id", CatalogKind.Recordings, CatalogField.ReleaseSourceId)]
    [InlineData("Writers", CatalogKind.Compositions, CatalogField.Writers)]
    [InlineData("Work ID", CatalogKind.Compositions, CatalogField.SourceId)]
    [InlineData("Work ID", CatalogKind.Recordings, CatalogField.CompositionSourceId)]
    [InlineData("Artist Name", CatalogKind.Recordings, CatalogField.Artist)]
    public void Header_synonyms_depend_on_the_kind_of_file(string header, CatalogKind kind, CatalogField field) =>
        Assert.Equal(0, CatalogColumns.Map([header], kind)[field]);

    [Fact]
    public void Reads_compositions_with_writers_and_rejects_bad_iswc_or_ipi()
    {
        var rows = Read(
            "composition_id,ISWC,Title,Writers,writer_ipi_name_numbers,first line\n" +
            "WRK-1,T-034.524.680-1,Song,Ann Lee; Bo Dee,00014107338; ,Once upon\n" +
            "WRK-2,,No Iswc,Cy,,\n" +
            "WRK-3,T-034.524.680-2,Bad check,Cy,,\n" +
            "WRK-4,,Bad ipi,Cy,123,\n" +
            "WRK-2,,Same id,Cy,,\n",
            CatalogKind.Compositions);
        var first = Assert.IsType<CatalogCompositionRow>(rows[0].Item);
        Assert.Equal("T0345246801", first.Iswc?.Value);
        Assert.Equal("Once upon", first.LyricFirstLine);
        Assert.Equal([("Ann Lee", "00014107338"), ("Bo Dee", null)], first.Writers.Select(w => (w.Name, w.IpiNameNumber?.Value)));
        Assert.Equal("#WRK-2", Assert.IsType<CatalogCompositionRow>(rows[1].Item).Key);
        Assert.Equal("ISWC 'T-034.524.680-2' is not valid", rows[2].RejectionReason);
        Assert.Equal("writer IPI name number '123' is not valid", rows[3].RejectionReason);
        Assert.Equal("composition id 'WRK-2' already appears on line 3", rows[4].RejectionReason);
    }

    [Fact]
    public void Reads_releases_by_upc_or_ean_in_canonical_form()
    {
        var rows = Read(
            "UPC,Album Title,Artist,Release Date\n036000291452,First,Band,2024-05-16\n0036000291452,Same product,Band,\n4006381333931,Second,Band,16/05/2024\n",
            CatalogKind.Releases);
        var first = Assert.IsType<CatalogReleaseRow>(rows[0].Item);
        Assert.Equal(("0036000291452", new DateOnly(2024, 5, 16), 2024), (first.Gtin.Value, first.ReleaseDate, first.Year));
        Assert.Equal("UPC/EAN '0036000291452' already appears on line 2", rows[1].RejectionReason);
        Assert.Equal("release date '16/05/2024' is not a date like 2024-05-16", rows[2].RejectionReason);
    }

    [Fact]
    public void Refuses_a_file_without_the_needed_columns()
    {
        var error = Assert.Throws<CatalogFileException>(() => Read("Title,Artist\nA,B\n"));
        Assert.Equal("A recordings file needs columns for Isrc. Columns found: 'Title', 'Artist'.", error.Message);
    }

    [Fact]
    public void Refuses_binary_files() =>
        Assert.Throws<CatalogFileException>(() => CatalogFileReader.Read(new MemoryStream([1, 2, 0, 3, 0, 0, 9, 200]), CatalogKind.Recordings).ToList());

    [Fact]
    public void Inspect_shows_format_header_suggested_mapping_and_five_sample_rows_and_puts_the_stream_back()
    {
        var text = "Song Title;Artist Name;ISRC Code;Notes\n" + string.Concat(Enumerable.Range(0, 7).Select(i => $"Song {i};Band;USRC1760783{i};\n"));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        stream.Position = 0;

        var inspection = CatalogFileReader.Inspect(stream, CatalogKind.Recordings);

        Assert.Equal("CSV (semicolon-separated, UTF-8)", inspection.Format);
        Assert.Equal(["Song Title", "Artist Name", "ISRC Code", "Notes"], inspection.Headers);
        Assert.Equal(
            new Dictionary<CatalogField, string> { [CatalogField.Title] = "Song Title", [CatalogField.Artist] = "Artist Name", [CatalogField.Isrc] = "ISRC Code" },
            inspection.SuggestedMapping);
        Assert.Empty(inspection.MissingFields);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => new[] { $"Song {i}", "Band", $"USRC1760783{i}", string.Empty }), inspection.SampleRows);
        Assert.Equal(0, stream.Position);
        Assert.Equal(7, CatalogFileReader.Read(stream, CatalogKind.Recordings).Count(r => r.Accepted));
    }

    [Fact]
    public void Inspect_lists_the_needed_fields_no_header_was_recognised_for()
    {
        var inspection = CatalogFileReader.Inspect(new MemoryStream("Code,Name,Who\nUSRC17607839,Song,Band\n"u8.ToArray()), CatalogKind.Recordings);

        Assert.Equal(new Dictionary<CatalogField, string> { [CatalogField.Title] = "Name" }, inspection.SuggestedMapping);
        Assert.Equal([CatalogField.Isrc, CatalogField.Artist], inspection.MissingFields);
    }

    [Fact]
    public void Inspect_a_workbook()
    {
        var bytes = new TestWorkbook().Row(1, "ISRC", "Title", "Artist", null).Row(2, "USRC17607839", "Hey Jude", "The Beatles", "extra").ToBytes();

        var inspection = CatalogFileReader.Inspect(new MemoryStream(bytes), CatalogKind.Recordings);

        Assert.Equal("Excel workbook (sheet 'Recordings')", inspection.Format);
        Assert.Equal(["ISRC", "Title", "Artist"], inspection.Headers);
        Assert.Equal([["USRC17607839", "Hey Jude", "The Beatles"]], inspection.SampleRows);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ISRC,Title,Artist\n")]
    [InlineData("PK\u0003\u0004rest")]
    [InlineData("\u0001\u0002\u0000\u0003")]
    public void Inspect_refuses_what_read_refuses_with_the_same_message(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var readError = Assert.Throws<CatalogFileException>(() => CatalogFileReader.Read(new MemoryStream(bytes), CatalogKind.Recordings).ToList());

        var inspectError = Assert.Throws<CatalogFileException>(() => CatalogFileReader.Inspect(new MemoryStream(bytes), CatalogKind.Recordings));

        Assert.Equal(readError.Message, inspectError.Message);
    }

    [Fact]
    public void Every_row_written_by_the_synthetic_catalog_is_accepted()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"catalog-reader-{Guid.NewGuid():N}");
        try
        {
            var summary = SyntheticCatalogFiles.Write(folder, recordings: 400, listRows: 10);
            foreach (var (file, kind, count) in new[]
            {
                (SyntheticCatalogFiles.RecordingsFile, CatalogKind.Recordings, summary.Recordings),
                (SyntheticCatalogFiles.CompositionsFile, CatalogKind.Compositions, summary.Compositions),
                (SyntheticCatalogFiles.ReleasesFile, CatalogKind.Releases, summary.Releases),
            })
            {
                using var stream = File.OpenRead(Path.Combine(folder, file));
                var rows = CatalogFileReader.Read(stream, kind).ToList();
                Assert.Equal(count, rows.Count);
                Assert.All(rows, r => Assert.True(r.Accepted, $"{file} line {r.Line}: {r.RejectionReason}"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
