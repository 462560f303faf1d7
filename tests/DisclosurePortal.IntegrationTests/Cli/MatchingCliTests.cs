using DisclosurePortal.Core.Synthetic;
using DisclosurePortal.IntegrationTests.Infrastructure;

namespace DisclosurePortal.IntegrationTests.Cli;

/// <summary>`portal reconcile` and `portal score-pairs` run as an operator would, with files and no database.</summary>
public sealed class MatchingCliTests
{
    private static readonly string[] Tiers = ["exact", "high", "possible", "none"];

    [Fact]
    public async Task Reconcile_writes_candidates_for_every_row_of_the_list()
    {
        using var folder = new TempDirectory("reconcile-cli");
        SyntheticCatalogFiles.Write(folder.Path, recordings: 400, listRows: 300);
        var output = folder.Combine("matches.csv");

        var result = await PortalCli.RunAsync(
        [
            "reconcile", "--catalog", folder.Combine(SyntheticCatalogFiles.RecordingsFile), "--works", folder.Combine(SyntheticCatalogFiles.TrainingListFile),
            "--out", output, "--compositions", folder.Combine(SyntheticCatalogFiles.CompositionsFile), "--releases", folder.Combine(SyntheticCatalogFiles.ReleasesFile),
        ]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Catalog: 400 recordings", result.Output, StringComparison.Ordinal);
        Assert.Contains("Matched 300 rows", result.Output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(output);
        Assert.Equal("row_id,catalog_id,tier,score,reasons", lines[0]);
        var rows = lines[1..].Select(l => l.Split(',')).ToList();
        Assert.Equal(300, rows.Select(r => r[0]).Distinct().Count());
        Assert.All(rows, r => Assert.Contains(r[2], Tiers));
        Assert.All(rows.Where(r => r[2] == "none"), r => Assert.Equal(string.Empty, r[1]));
        Assert.Contains(rows, r => r[2] == "exact" && r[1].StartsWith("REC-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reconcile_refuses_a_missing_file()
    {
        using var folder = new TempDirectory("reconcile-cli");
        var result = await PortalCli.RunAsync(["reconcile", "--catalog", folder.Combine("none.csv"), "--works", folder.Combine("none.csv"), "--out", folder.Combine("out.csv")]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("File not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_pairs_writes_a_decision_per_pair()
    {
        using var folder = new TempDirectory("score-pairs-cli");
        var input = folder.Combine("pairs.csv");
        File.WriteAllText(input,
            "id,left_title,left_artist,left_album,left_duration,left_released,right_title,right_artist,right_album,right_duration,right_released,label\n" +
            "7,Silver and Gold,Little Big Town,Pain Killer,3:33,21-Oct-14,Silver And Gold,Little Big Town,Pain Killer,3:31,\"October 21 , 2014\",1\n" +
            "8,Illusion ( feat . Echosmith ),Zedd,True Colors,6:30,18-May-15,Transmission [ feat . X Ambassadors ],Zedd,True Colors,4:02,\"May 18 , 2015\",0\n");
        var output = folder.Combine("decisions.csv");

        var result = await PortalCli.RunAsync(["score-pairs", "--in", input, "--out", output]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = File.ReadAllLines(output);
        Assert.Equal("id,match,score", lines[0]);
        Assert.StartsWith("7,1,0.", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("8,0,0.", lines[2], StringComparison.Ordinal);
    }
}
