using System.CommandLine;
using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.Cli.Commands;

/// <summary><c>portal migrate</c>: applies pending migrations and ensures the fixed roles.</summary>
internal static class MigrateCommand
{
    public static Command Create(DatabaseTargetOptions options)
    {
        var command = new Command("migrate", "Apply pending database migrations and ensure the portal's roles exist.");
        command.SetAction((parseResult, cancellationToken) => DatabaseTarget.RunAsync(parseResult, options, RunAsync, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await services.GetRequiredService<PortalDatabaseInitializer>().InitializeAsync(forceMigrate: true, cancellationToken);
        await output.WriteLineAsync(pending.Count == 0
            ? "The database is up to date; no migrations to apply."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        return 0;
    }
}
