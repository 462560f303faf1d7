using System.CommandLine;
using System.Diagnostics;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Reconciliation;
using DisclosurePortal.Core.WorkLists;

namespace DisclosurePortal.Cli.Commands;

/// <summary><c>portal reconcile</c>: matches a work list against catalog files, no database, and writes the candidates as CSV.</summary>
internal static class ReconcileCommand
{
    public static Command Create()
    {
        var catalog = new Option<FileInfo>("--catalog") { Description = "Catalog recordings file (CSV/TSV or .xlsx, as for import-catalog).", Required = true };
        var works = new Option<FileInfo>("--works") { Description = "The work list (same column names as uploads: title, artist, album, isrc, iswc, upc, duration, year, asset kind).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write row_id,catalog_id,tier,score,reasons.", Required = true };
        var compositions = new Option<FileInfo?>("--compositions") { Description = "Catalog compositions file: lyrics rows match these, ISWCs support recordings." };
        var releases = new Option<FileInfo?>("--releases") { Description = "Catalog releases file: artwork rows match these, UPC/EANs and album titles support recordings." };

        var command = new Command("reconcile", "Match every row of a work list against catalog files (no database) and write up to three candidates per row with tier, score and reasons.");
        foreach (var option in new Option[] { catalog, works, output, compositions, releases })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var inputs = new[] { parseResult.GetRequiredValue(catalog), parseResult.GetRequiredValue(works), parseResult.GetValue(compositions), parseResult.GetValue(releases) };
            if (inputs.OfType<FileInfo>().FirstOrDefault(f => !f.Exists) is { } missing)
            {
                await error.WriteLineAsync($"File not found: {missing.FullName}");
                return 2;
            }

            try
            {
                var watch = Stopwatch.StartNew();
                var loaded = await Task.Run(() => CatalogFiles.Load(inputs[0]!.FullName, inputs[2]?.FullName, inputs[3]?.FullName), cancellationToken);
                await console.WriteLineAsync(
                    $"Catalog: {loaded.Index.RecordingCount:N0} recordings, {loaded.Index.CompositionCount:N0} compositions, {loaded.Index.ReleaseCount:N0} releases " +
                    $"({loaded.Rejected:N0} rows refused) indexed in {watch.Elapsed.TotalSeconds:0.0} s.");

                watch.Restart();
                var outFile = parseResult.GetRequiredValue(output);
                ReconcileSummary summary;
                await using (var list = inputs[1]!.OpenRead())
                await using (var writer = new StreamWriter(outFile.FullName))
                {
                    summary = await Task.Run(() => FileReconciliation.Run(loaded, list, writer), cancellationToken);
                }

                await console.WriteLineAsync(
                    $"Matched {summary.Rows:N0} rows in {watch.Elapsed.TotalSeconds:0.0} s: {summary.Exact:N0} exact, {summary.High:N0} high, " +
                    $"{summary.Possible:N0} possible, {summary.None:N0} none. Written to {outFile.FullName}.");
                return 0;
            }
            catch (Exception ex) when (ex is CatalogFileException or WorkListFormatException)
            {
                await error.WriteLineAsync($"The file was refused: {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}
