using System.Globalization;
using CsvHelper;
using DisclosurePortal.Core.Identifiers;
using DisclosurePortal.Core.Synthetic;

namespace DisclosurePortal.Core.Tests;

public sealed class SyntheticLabelCatalogTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "synthetic-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Files_are_the_same_for_a_seed_and_differ_between_seeds()
    {
        SyntheticCatalogFiles.Write(Path.Combine(root, "a"), 400, 600, seed: 5);
        SyntheticCatalogFiles.Write(Path.Combine(root, "b"), 400, 600, seed: 5);
        SyntheticCatalogFiles.Write(Path.Combine(root, "c"), 400, 600, seed: 6);
        foreach (var file in Files)
        {
            var a = File.ReadAllBytes(Path.Combine(root, "a", file));
            Assert.Equal(a, File.ReadAllBytes(Path.Combine(root, "b", file)));
            Assert.NotEqual(a, File.ReadAllBytes(Path.Combine(root, "c", file)));
        }
    }

    [Fact]
    public void Gold_points_at_existing_recordings_and_every_catalog_identifier_validates()
    {
        var summary = SyntheticCatalogFiles.Write(root, 1_000, 2_000, seed: 3);

        var recordings = Read(SyntheticCatalogFiles.RecordingsFile);
        var compositions = Read(SyntheticCatalogFiles.CompositionsFile);
        var releases = Read(SyntheticCatalogFiles.ReleasesFile);
        var list = Read(SyntheticCatalogFiles.TrainingListFile);
        var gold = Read(SyntheticCatalogFiles.GoldFile);
        Assert.Equal([1_000, summary.Compositions, 125, 2_000, 2_000], new[] { recordings.Count, compositions.Count, releases.Count, list.Count, gold.Count });

        var recordingIds = recordings.Select(r => r["recording_id"]).ToHashSet();
        var compositionIds = compositions.Select(c => c["composition_id"]).ToHashSet();
        var releaseIds = releases.Select(r => r["release_id"]).ToHashSet();
        Assert.Equal(recordings.Count, recordingIds.Count);
        Assert.All(recordings, r =>
        {
            Assert.True(Isrc.TryParse(r["isrc"], out _), r["isrc"]);
            Assert.Contains(r["composition_id"], compositionIds);
            Assert.Contains(r["release_id"], releaseIds);
        });
        Assert.Equal(recordings.Count, recordings.Select(r => r["isrc"]).Distinct().Count());
        Assert.All(compositions, c =>
        {
            Assert.True(Iswc.TryParse(c["iswc"], out _), c["iswc"]);
            Assert.All(c["writer_ipi_name_numbers"].Split("; "), ipi => Assert.True(IpiNameNumber.TryParse(ipi, out _), ipi));
        });
        Assert.Equal(compositions.Count, compositions.Select(c => c["iswc"]).Distinct().Count());
        Assert.All(releases, r => Assert.True(Gtin.TryParse(r["upc_ean"], out _), r["upc_ean"]));
        Assert.Equal(releases.Count, releases.Select(r => Gtin.Parse(r["upc_ean"])).Distinct().Count());

        for (var i = 0; i < gold.Count; i++)
        {
            Assert.Equal(list[i]["row"], gold[i]["row"]);
            var id = gold[i]["recording_id"];
            Assert.Equal(id.Length > 0 ? "yes" : "no", gold[i]["in_catalog"]);
            Assert.True(id.Length == 0 || recordingIds.Contains(id), id);
        }

        Assert.InRange(summary.ListRowsInCatalog, 1_500, 1_700);
    }

    [Fact]
    public void Versions_share_the_composition_of_their_album_original()
    {
        var catalog = new SyntheticLabelCatalog(2_000, seed: 9);
        var recordings = catalog.Recordings().ToList();
        var versions = recordings.Where(r => r.Version is not null).ToList();
        Assert.NotEmpty(versions);
        var originals = recordings.Where(r => r.Version is null).ToDictionary(r => r.CompositionId);
        Assert.All(versions, v =>
        {
            var original = originals[v.CompositionId];
            Assert.Equal(original.Title, v.Title);
            Assert.Equal(original.MainArtist, v.MainArtist);
            Assert.NotEqual(original.Isrc, v.Isrc);
        });
        Assert.Contains(versions, v => v.Version!.StartsWith("Remastered", StringComparison.Ordinal) || v.Version.EndsWith("Remaster", StringComparison.Ordinal));
        Assert.Contains(versions, v => v.Version!.StartsWith("Live", StringComparison.Ordinal));
        Assert.Contains(recordings, r => r.FeaturedArtists.Count > 0);
    }

    [Fact]
    public void Any_recording_of_a_million_can_be_computed_on_its_own()
    {
        var catalog = new SyntheticLabelCatalog(1_000_000, seed: 1);
        var last = catalog.Recording(999_999);
        Assert.Equal("REC-0999999", last.Id);
        Assert.Equal(last, catalog.Recordings().Skip(999_999).First() with { FeaturedArtists = last.FeaturedArtists });
        Assert.Equal(125_000, catalog.ReleaseCount);
    }

    [Fact]
    public void The_list_shows_every_kind_of_noise()
    {
        var entries = SyntheticTrainingList.Generate(new SyntheticLabelCatalog(3_000, seed: 4), 20_000, seed: 4).ToList();
        var tags = entries.SelectMany(e => e.Gold.Noise).ToHashSet();
        string[] expected =
        [
            "version-dropped", "version-added", "feat-in-title", "feat-in-artist", "feat-dropped", "last-first", "typo-title",
            "typo-artist", "punctuation", "upper-case", "lower-case", "diacritics-stripped", "mojibake", "script-cyrillic",
            "artist-in-title", "track-number", "isrc-corrupted", "isrc-missing", "iswc-bad-check", "upc-bad-check",
            "cover", "placeholder", "unknown-song",
        ];
        Assert.All(expected, tag => Assert.Contains(tag, tags));
        Assert.Contains(entries, e => e.Row.Artist.Any(c => c is >= '\u0400' and <= '\u04FF'));
        Assert.All(entries.Where(e => e.Gold.Noise.Contains("iswc-bad-check")), e => Assert.False(Iswc.TryParse(e.Row.Iswc, out _)));
        Assert.All(entries.Where(e => e.Gold.Noise.Contains("upc-bad-check")), e => Assert.False(Gtin.TryParse(e.Row.Upc, out _)));
    }

    [Fact]
    public void Rows_are_streamed_not_built_up_front()
    {
        // Taking three rows of a billion must return at once.
        var rows = SyntheticTrainingList.Generate(new SyntheticLabelCatalog(1_000_000), 1_000_000_000).Take(3).ToList();
        Assert.Equal([1, 2, 3], rows.Select(r => r.Row.Row));
    }

    private static readonly string[] Files =
    [
        SyntheticCatalogFiles.RecordingsFile, SyntheticCatalogFiles.CompositionsFile, SyntheticCatalogFiles.ReleasesFile,
        SyntheticCatalogFiles.TrainingListFile, SyntheticCatalogFiles.GoldFile,
    ];

    private List<Dictionary<string, string>> Read(string file)
    {
        using var reader = new StreamReader(Path.Combine(root, file));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        }

        return rows;
    }
}
