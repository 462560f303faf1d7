using System.CommandLine;

namespace DisclosurePortal.Cli.Commands;

/// <summary>Builds the `portal` command tree. Public so tests can run a command in-process.</summary>
public static class PortalCommandLine
{
    public static RootCommand Create()
    {
        var database = new DatabaseTargetOptions();
        var root = new RootCommand("Disclosure Portal administration: database migrations, demo data, catalog import, audit trail verification, synthetic test data and matching.");
        database.AddTo(root);
        root.Subcommands.Add(MigrateCommand.Create(database));
        root.Subcommands.Add(SeedDemoCommand.Create(database));
        root.Subcommands.Add(ImportCatalogCommand.Create(database));
        root.Subcommands.Add(VerifyAuditCommand.Create(database));
        root.Subcommands.Add(GenerateSyntheticCommand.Create());
        root.Subcommands.Add(ReconcileCommand.Create());
        root.Subcommands.Add(ScorePairsCommand.Create());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; output goes to <paramref name="output"/> (the console by default).</summary>
    public static Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        return Create().Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
