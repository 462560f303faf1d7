using System.CommandLine;
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
        var file = new Argument<FileInfo>("FILE") { Description = "The catalog file: CSV or TSV (UTF-8, UTF-16 or Windows-1252) or an Excel workbook (.xlsx)." };
        var kind = new Option<CatalogKind>("--kind") { Description = "What the file holds: Recordings, Compositions or Releases.", Required = true };
        var report = new Option<FileInfo?>("--report") { Description = "Write the rejected rows (line, reason) to this CSV file." };
        var complete = new Option<bool>("--complete") { Description = "The file lists the whole catalog of its kind: entries it does not list are marked removed (never deleted)." };

        var command = new Command("import-catalog", "Migrate, then import a catalog file (recordings, compositions or releases), adding new rows and updating changed ones.");
        command.Arguments.Add(file);
        command.Options.Add(kind);
        command.Options.Add(report);
        command.Options.Add(complete);
        command.SetAction((parseResult, cancellationToken) => DatabaseTarget.RunAsync(
            parseResult,
            options,
            (services, output, ct) => RunAsync(services, output, parseResult.InvocationConfiguration.Error, parseResult.GetRequiredValue(file), parseResult.GetValue(kind), parseResult.GetValue(report), parseResult.GetValue(complete), ct),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        IServiceProvider services, TextWriter output, TextWriter error, FileInfo file, CatalogKind kind, FileInfo? reportFile, bool complete, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await error.WriteLineAsync($"File not found: {file.FullName}");
            return 2;
        }

        await services.GetRequiredService<PortalDatabaseInitializer>().InitializeAsync(forceMigrate: true, cancellationToken);
        using var report = reportFile is null ? null : new CatalogRejectionReport(reportFile.FullName);
        try
        {
            await using var stream = file.OpenRead();
            var version = await services.GetRequiredService<CatalogImporter>().ImportAsync(
                stream,
                file.Name,
                kind,
                new CatalogImportOptions
                {
                    Complete = complete,
                    Rejected = report is null ? null : report.Add,
                },
                cancellationToken);
            await output.WriteLineAsync(
                $"Imported {file.Name} as catalog version {version.Id} ({kind}): {version.Rows} rows, {version.Added} added, " +
                $"{version.Changed} changed, {version.Unchanged} unchanged, {version.Removed} removed, {version.Rejected} rejected.");
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
}
