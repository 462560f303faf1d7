using BenchmarkDotNet.Running;

namespace DisclosurePortal.Benchmarks;

/// <summary>
/// Entry point: `dotnet run -c Release --project tests/DisclosurePortal.Benchmarks -- [BenchmarkDotNet options]`.
/// Runs whichever benchmarks the assembly holds (none yet); never part of tests/run.sh.
/// </summary>
internal static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
