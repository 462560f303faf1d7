using System.Text;
using DisclosurePortal.Core.Reconciliation;
using DisclosurePortal.Core.Synthetic;
using DisclosurePortal.Core.Matching;

namespace DisclosurePortal.Core.Tests;

/// <summary>Reconciling files as `portal reconcile` does: the output's shape, and quality on a small synthetic catalog.</summary>
public sealed class FileReconciliationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("portal-reconcile-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string PathOf(string name) => Path.Combine(folder, name);

    [Fact]
    public void Writes_one_line_per_candidate_and_rows_without_one_once_as_none()
    {
        File.WriteAllText(PathOf("recordings.csv"),
            "recording_id,isrc,title,version,main_artist,duration_seconds,year\n" +
            "R1,GBAYE6800011,Hey Jude,,The Beatles,431,1968\n" +
            "R2,FRAAA9900001,Twin Song,,Echo Parade,180,1999\n" +
            "R3,FRAAA9900002,Twin Song,,Echo Parade,181,1999\n");
        var works = "Song Title;Artist Name;ISRC Code;Length;Row\n" +
            "Hey Jude;Beatles;GB-AYE-68-00011;7:11;a1\n" +
            "Twin Song;Echo Parade;;;a2\n" +
            "unknown;n/a;ZZ123;;a3\n";
        var catalog = CatalogFiles.Load(PathOf("recordings.csv"));
        using var output = new StringWriter();
        var summary = FileReconciliation.Run(catalog, new MemoryStream(Encoding.UTF8.GetBytes(works)), output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("row_id,catalog_id,tier,score,reasons", lines[0]);
        Assert.StartsWith("a1,R1,exact,", lines[1], StringComparison.Ordinal);
        Assert.Contains("ISRC equal", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Count(l => l.StartsWith("a2,R", StringComparison.Ordinal) && l.Contains(",possible,", StringComparison.Ordinal)));
        var none = Assert.Single(lines, l => l.StartsWith("a3,", StringComparison.Ordinal));
        Assert.StartsWith("a3,,none,0.0000,", none, StringComparison.Ordinal);
        Assert.Contains("no title and no valid identifier", none, StringComparison.Ordinal);
        Assert.Contains("warning: ISRC 'ZZ123' is not a valid ISRC — not used", none, StringComparison.Ordinal);
        Assert.Equal(new ReconcileSummary(3, 1, 0, 1, 1), summary);
    }

    [Fact]
    public void Finds_the_synthetic_gold_with_high_precision()
    {
        SyntheticCatalogFiles.Write(folder, recordings: 3000, listRows: 3000, seed: 7);
        var catalog = CatalogFiles.Load(PathOf(SyntheticCatalogFiles.RecordingsFile), PathOf(SyntheticCatalogFiles.CompositionsFile), PathOf(SyntheticCatalogFiles.ReleasesFile));
        var gold = SyntheticTrainingList.Generate(new SyntheticLabelCatalog(3000, 7), 3000, 7).ToDictionary(e => e.Row.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), e => e.Gold.RecordingId);

        var quality = new MatchQuality();
        using var list = File.OpenRead(PathOf(SyntheticCatalogFiles.TrainingListFile));
        foreach (var row in WorkListFile.Read(list))
        {
            var best = catalog.Index.Match(row.Work).Best;
            quality.Add(gold[row.RowId], best is null ? null : catalog.NameOf(best.Kind, best.CatalogId), best?.Tier ?? MatchTier.None);
        }

        Assert.Equal(3000, quality.Total);
        Assert.True(quality.Of(MatchTier.Exact).Precision >= 0.999, $"exact {quality.Of(MatchTier.Exact)}");
        Assert.True(quality.Of(MatchTier.High).Precision >= 0.98, $"high {quality.Of(MatchTier.High)}");
        Assert.True(quality.AtLeast(MatchTier.Possible).F1 >= 0.95, $"overall {quality.AtLeast(MatchTier.Possible)}");
    }

    [Fact]
    public void Reads_labelled_pairs_and_decides_at_the_high_tier()
    {
        var pairs = "id,left_title,left_artist,left_album,left_duration,left_released,right_title,right_artist,right_album,right_duration,right_released,label\n" +
            "1,Silver and Gold,Little Big Town,Pain Killer,3:33,21-Oct-14,Silver And Gold,Little Big Town,Pain Killer,3:31,\"October 21 , 2014\",1\n" +
            "2,Illusion ( feat . Echosmith ),Zedd,True Colors,6:30,18-May-15,Transmission [ feat . X Ambassadors ],Zedd,True Colors,4:02,\"May 18 , 2015\",0\n";
        var read = LabelledPairs.Read(new StringReader(pairs)).ToList();
        Assert.Equal(["1", "2"], read.Select(p => p.Id));
        Assert.Equal((213, 2014), (read[0].Left.DurationSeconds!.Value, read[0].Left.Year!.Value));
        Assert.Equal([true, false], read.Select(p => LabelledPairs.Decide(p).Match));
    }

    [Fact]
    public void Refuses_a_list_without_title_or_identifier_columns()
    {
        var list = new MemoryStream(Encoding.UTF8.GetBytes("artist,year\nA,1999\n"));
        Assert.Throws<WorkLists.WorkListFormatException>(() => WorkListFile.Read(list).ToList());
    }
}
