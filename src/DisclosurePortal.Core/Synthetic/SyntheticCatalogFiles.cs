using System.Globalization;
using System.Text;
using CsvHelper;

namespace DisclosurePortal.Core.Synthetic;

/// <summary>What <see cref="SyntheticCatalogFiles.Write"/> wrote.</summary>
public sealed record SyntheticCatalogSummary(int Recordings, int Compositions, int Releases, int ListRows, int ListRowsInCatalog);

/// <summary>
/// Writes a synthetic catalog and a noisy training list with its gold mapping as CSV files, streaming
/// row by row. The `portal generate-synthetic` command is a shell over this.
/// </summary>
public static class SyntheticCatalogFiles
{
    public const string RecordingsFile = "recordings.csv";
    public const string CompositionsFile = "compositions.csv";
    public const string ReleasesFile = "releases.csv";
    public const string TrainingListFile = "training-list.csv";
    public const string GoldFile = "gold.csv";

    public static SyntheticCatalogSummary Write(string directory, int recordings, int listRows, int seed = 2024)
    {
        Directory.CreateDirectory(directory);
        var catalog = new SyntheticLabelCatalog(recordings, seed);

        var recordingCount = WriteCsv(directory, RecordingsFile,
            ["recording_id", "isrc", "title", "version", "main_artist", "featured_artists", "duration_seconds", "year", "label", "composition_id", "release_id"],
            catalog.Recordings(),
            r => [r.Id, r.Isrc.Value, r.Title, r.Version ?? "", r.MainArtist, string.Join("; ", r.FeaturedArtists), Number(r.DurationSeconds), Number(r.Year), r.Label, r.CompositionId, r.ReleaseId]);

        var compositionCount = WriteCsv(directory, CompositionsFile,
            ["composition_id", "iswc", "title", "writers", "writer_ipi_name_numbers"],
            catalog.Compositions(),
            c => [c.Id, c.Iswc.Formatted, c.Title, string.Join("; ", c.Writers.Select(w => w.Name)), string.Join("; ", c.Writers.Select(w => w.Ipi.Value))]);

        var releaseCount = WriteCsv(directory, ReleasesFile,
            ["release_id", "upc_ean", "barcode_kind", "title", "main_artist", "release_kind", "year", "label", "track_count"],
            catalog.Releases(),
            r => [r.Id, r.Barcode.Formatted, r.Barcode.Kind == Identifiers.GtinKind.UpcA ? "UPC-A" : "EAN-13", r.Title, r.MainArtist, r.Kind.ToString(), Number(r.Year), r.Label, Number(r.TrackCount)]);

        // The list and its gold file are written in one pass over the streamed rows.
        var inCatalog = 0;
        var entries = SyntheticTrainingList.Generate(catalog, listRows, seed);
        using var gold = OpenCsv(directory, GoldFile, ["row", "recording_id", "in_catalog", "noise"]);
        var rowCount = WriteCsv(directory, TrainingListFile,
            ["row", "title", "artist", "album", "isrc", "iswc", "upc_ean", "duration", "year"],
            entries,
            e =>
            {
                inCatalog += e.Gold.RecordingId is null ? 0 : 1;
                WriteRecord(gold, [Number(e.Gold.Row), e.Gold.RecordingId ?? "", e.Gold.RecordingId is null ? "no" : "yes", string.Join(";", e.Gold.Noise)]);
                var r = e.Row;
                return [Number(r.Row), r.Title, r.Artist, r.Album, r.Isrc, r.Iswc, r.Upc, r.Duration, r.Year];
            });

        return new SyntheticCatalogSummary(recordingCount, compositionCount, releaseCount, rowCount, inCatalog);
    }

    private static int WriteCsv<T>(string directory, string file, string[] header, IEnumerable<T> items, Func<T, string[]> fields)
    {
        using var csv = OpenCsv(directory, file, header);
        var count = 0;
        foreach (var item in items)
        {
            WriteRecord(csv, fields(item));
            count++;
        }

        return count;
    }

    private static CsvWriter OpenCsv(string directory, string file, string[] header)
    {
        var writer = new StreamWriter(Path.Combine(directory, file), append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: false);
        WriteRecord(csv, header);
        return csv;
    }

    private static void WriteRecord(CsvWriter csv, string[] fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }

        csv.NextRecord();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
