using System.CommandLine;
using System.Globalization;
using DisclosurePortal.Core.Reconciliation;

namespace DisclosurePortal.Cli.Commands;

/// <summary><c>portal score-pairs</c>: scores labelled-pair benchmark files (left_… / right_… columns) with the matcher.</summary>
internal static class ScorePairsCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--in") { Description = "Pairs CSV: id, left_title, left_artist, left_album, left_duration, left_released, right_… (a label column is ignored).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write id,match,score (match 1 at the high tier or above).", Required = true };

        var command = new Command("score-pairs", "Decide for each pair of records whether they are the same recording: writes id,match,score.");
        command.Options.Add(input);
        command.Options.Add(output);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var inFile = parseResult.GetRequiredValue(input);
            if (!inFile.Exists)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"File not found: {inFile.FullName}");
                return 2;
            }

            var outFile = parseResult.GetRequiredValue(output);
            int pairs = 0, matches = 0;
            using (var reader = new StreamReader(inFile.FullName))
            await using (var writer = new StreamWriter(outFile.FullName))
            {
                await writer.WriteLineAsync("id,match,score");
                foreach (var decision in LabelledPairs.Read(reader).Select(LabelledPairs.Decide))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    pairs++;
                    matches += decision.Match ? 1 : 0;
                    await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{Quote(decision.Id)},{(decision.Match ? 1 : 0)},{decision.Score:0.0000}"));
                }
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"Scored {pairs:N0} pairs: {matches:N0} matches. Written to {outFile.FullName}.");
            return 0;
        });
        return command;
    }

    private static string Quote(string id) => id.AsSpan().IndexOfAny(",\"\n") < 0 ? id : "\"" + id.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
