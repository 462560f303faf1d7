using System.CommandLine;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.Cli.Commands;

/// <summary><c>portal import-catalog FILE --kind …</c>: imports a catalog file as an upsert and writes the rejected rows as CSV.</summary>
internal static class ImportCatalogCommand
{
    public static Command Create(DatabaseTargetOptions options)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The catalog file (CSV or TSV, UTF-8 or UTF-16)." };
        var kind = new Option<CatalogKind>("--kind") { Description = "What the file holds: Recordings, Compositions or Releases.", Required = true };
        var report = new Option<FileInfo?>("--report") { Description = "Write the rejected rows (line, reason) to this CSV file." };

        var command = new Command("import-catalog", "Migrate, then import a catalog file (recordings, compositions or releases), adding new rows and updating changed ones.");
        command.Arguments.Add(file);
        command.Options.Add(kind);
        command.Options.Add(report);
        command.SetAction((parseResult, cancellationToken) => DatabaseTarget.RunAsync(
            parseResult,
            options,
            (services, output, ct) => RunAsync(services, output, parseResult.InvocationConfiguration.Error, parseResult.GetRequiredValue(file), parseResult.GetValue(kind), parseResult.GetValue(report), ct),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        IServiceProvider services, TextWriter output, TextWriter error, FileInfo file, CatalogKind kind, FileInfo? reportFile, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await error.WriteLineAsync($"File not found: {file.FullName}");
            return 2;
        }

        await services.GetRequiredService<PortalDatabaseInitializer>().InitializeAsync(forceMigrate: true, cancellationToken);
        using var report = reportFile is null ? null : OpenReport(reportFile.FullName);
        try
        {
            await using var stream = file.OpenRead();
            var version = await services.GetRequiredService<CatalogImporter>().ImportAsync(
                stream,
                file.Name,
                kind,
                new CatalogImportOptions
                {
                    Rejected = row =>
                    {
                        if (report is not null)
                        {
                            report.WriteField(row.Line);
                            report.WriteField(row.RejectionReason);
                            report.NextRecord();
                        }
                    },
                },
                cancellationToken);
            await output.WriteLineAsync(
                $"Imported {file.Name} as catalog version {version.Id} ({kind}): {version.Rows} rows, {version.Added} added, " +
                $"{version.Changed} changed, {version.Unchanged} unchanged, {version.Rejected} rejected.");
            if (reportFile is not null)
            {
                await output.WriteLineAsync($"Rejected rows written to {reportFile.FullName}.");
            }

            return 0;
        }
        catch (CatalogFileException ex)
        {
            await error.WriteLineAsync($"The file was refused and nothing was imported: {ex.Message}");
            return 2;
        }
    }

    private static CsvWriter OpenReport(string path)
    {
        // Reasons quote cells from the file; escape any that would start a formula when the report is opened in a spreadsheet.
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        var csv = new CsvWriter(new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)), config);
        csv.WriteField("line");
        csv.WriteField("reason");
        csv.NextRecord();
        return csv;
    }
}
