using System.CommandLine;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Auditing;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.Cli.Commands;

/// <summary>
/// <c>portal verify-audit</c>: checks the audit trail's hash chain page by page. Exit code 0 when intact,
/// 1 when an entry was altered, removed or reordered (the first such entry is printed), 2 for configuration errors.
/// </summary>
internal static class VerifyAuditCommand
{
    public const int Tampered = 1;

    public static Command Create(DatabaseTargetOptions options)
    {
        var pageSize = new Option<int>("--page-size")
        {
            Description = "Entries read per query.",
            DefaultValueFactory = _ => AuditTrailCheck.DefaultPageSize,
        };
        var command = new Command("verify-audit", "Verify the audit trail's hash chain; print OK with the count, or the first altered, missing or reordered entry (exit code 1).")
        {
            pageSize,
        };
        command.SetAction((parseResult, cancellationToken) => DatabaseTarget.RunAsync(parseResult, options,
            (services, output, token) => RunAsync(services, output, Math.Clamp(parseResult.GetValue(pageSize), 1, 100_000), token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, TextWriter output, int pageSize, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var result = await AuditTrailCheck.VerifyAsync(db, pageSize, cancellationToken: cancellationToken);
        if (result.FirstBreak is { } broken)
        {
            await output.WriteLineAsync($"TAMPERED: entry {broken.Sequence} ({broken.Kind.ToString().ToLowerInvariant()}): {broken.Reason}");
            await output.WriteLineAsync($"{result.Checked} entries before it are intact.");
            return Tampered;
        }

        await output.WriteLineAsync($"OK: {result.Checked} audit entries verified, the chain is intact.");
        return 0;
    }
}
