using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project tests/DisclosurePortal.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point type for the benchmark switcher.</summary>
public partial class Program;
