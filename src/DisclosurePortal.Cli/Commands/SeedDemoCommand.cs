using System.CommandLine;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.Cli.Commands;

/// <summary><c>portal seed-demo</c>: migrates, ensures roles, fills an empty database with demo data and prints the sign-ins.</summary>
internal static class SeedDemoCommand
{
    public static Command Create(DatabaseTargetOptions options)
    {
        var command = new Command("seed-demo", "Migrate, then fill an empty database with clearly labelled demo data and print the demo sign-ins.");
        command.SetAction((parseResult, cancellationToken) => DatabaseTarget.RunAsync(parseResult, options, RunAsync, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<PortalDatabaseInitializer>().InitializeAsync(forceMigrate: true, cancellationToken);
        var seeded = await services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(cancellationToken);
        await output.WriteLineAsync(seeded
            ? $"Seeded demo data: {DemoSeeder.CatalogSize} catalog recordings, 1 request, 2 companies, {DemoSeeder.Logins.Count} users."
            : "The database already has users; no demo data was added.");
        await output.WriteLineAsync();
        await output.WriteLineAsync("Demo sign-ins (synthetic data, not real):");
        foreach (var line in DemoSeeder.SignInLines())
        {
            await output.WriteLineAsync($"  {line}");
        }

        return 0;
    }
}
