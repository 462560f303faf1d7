using DisclosurePortal.Cli.Commands;

namespace DisclosurePortal.Cli;

/// <summary>The `portal` command-line tool: a thin shell over Data (and later Core) for operators and scripts.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => PortalCommandLine.InvokeAsync(args);
}
