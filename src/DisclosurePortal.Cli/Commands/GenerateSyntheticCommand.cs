using System.CommandLine;
using DisclosurePortal.Core.Synthetic;

namespace DisclosurePortal.Cli.Commands;

/// <summary><c>portal generate-synthetic</c>: writes a fictional catalog, a noisy training list and its gold mapping as CSV.</summary>
internal static class GenerateSyntheticCommand
{
    public static Command Create()
    {
        var recordings = new Option<int>("--recordings") { Description = "Number of catalog recordings.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the CSV files (created if missing).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed; the same seed gives the same files.", DefaultValueFactory = _ => 2024 };
        var listRows = new Option<int?>("--list-rows") { Description = "Rows in the training list (default: as many as recordings)." };

        var command = new Command("generate-synthetic", "Write a synthetic catalog (recordings, compositions, releases), a noisy training list and its gold mapping as CSV files.");
        command.Options.Add(recordings);
        command.Options.Add(output);
        command.Options.Add(seed);
        command.Options.Add(listRows);
        command.Validators.Add(result =>
        {
            if (result.GetValue(recordings) < 0 || result.GetValue(listRows) < 0)
            {
                result.AddError("--recordings and --list-rows must not be negative.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var directory = parseResult.GetRequiredValue(output).FullName;
            var count = parseResult.GetValue(recordings);
            var summary = await Task.Run(
                () => SyntheticCatalogFiles.Write(directory, count, parseResult.GetValue(listRows) ?? count, parseResult.GetValue(seed)), cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(
                $"Wrote {summary.Recordings} recordings, {summary.Compositions} compositions, {summary.Releases} releases and " +
                $"{summary.ListRows} training-list rows ({summary.ListRowsInCatalog} in the catalog) to {directory}.");
            return 0;
        });
        return command;
    }
}
