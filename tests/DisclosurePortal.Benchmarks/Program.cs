using System.Globalization;
using BenchmarkDotNet.Running;
using DisclosurePortal.Benchmarks;

// Micro-benchmarks: dotnet run -c Release --project tests/DisclosurePortal.Benchmarks -- --filter '*'
// The catalog at full size: dotnet run -c Release --project tests/DisclosurePortal.Benchmarks -- catalog [RECORDINGS]
if (args is ["catalog", ..])
{
    return await CatalogScenario.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
}

BenchmarkSwitcher.FromAssembly(typeof(WorkListIntakeBenchmarks).Assembly).Run(args);
return 0;
