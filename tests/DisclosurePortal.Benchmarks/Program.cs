using System.Globalization;
using BenchmarkDotNet.Running;
using DisclosurePortal.Benchmarks;
using DisclosurePortal.Core.Matching;

// Micro-benchmarks: dotnet run -c Release --project tests/DisclosurePortal.Benchmarks -- --filter '*'
// The catalog at full size: dotnet run -c Release --project tests/DisclosurePortal.Benchmarks -- catalog [RECORDINGS]
if (args is ["catalog", ..])
{
    return await CatalogScenario.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
}

// Matching quality: dotnet run -c Release --project tests/DisclosurePortal.Benchmarks -- quality [SIZES...] [--pairs DIR] [--mistakes FILE]
if (args is ["quality", ..])
{
    var sizes = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
    return QualityScenario.Run(sizes.Count > 0 ? sizes : [10_000, 100_000, 1_000_000], Option(args, "--pairs") ?? "../shared/data/itunes-amazon", Option(args, "--mistakes"), Options(args));
}

// The held-out test split, from the papers' serialised pairs: ... -- serialised-pairs IN.txt OUT.csv
if (args is ["serialised-pairs", var input, var output])
{
    return SerialisedPairs.Convert(input, output);
}

// Reconciliation at full size, with pg_trgm: dotnet run -c Release --project tests/DisclosurePortal.Benchmarks -- reconcile [ROWS] [--sample N]
if (args is ["reconcile", ..])
{
    var rows = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
    return await ReconcileScenario.RunAsync(rows, Option(args, "--sample") is { } sample ? int.Parse(sample, CultureInfo.InvariantCulture) : 2_000);
}

// An upload at full size: dotnet run -c Release --project tests/DisclosurePortal.Benchmarks -- upload [ROWS]
if (args is ["upload", ..])
{
    return await UploadScenario.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000_000);
}

// The triage queue at full size: dotnet run -c Release --project tests/DisclosurePortal.Benchmarks -- review-queue [ROWS]
if (args is ["review-queue", ..])
{
    return await ReviewQueueScenario.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
}

if (args is ["profile", ..])
{
    return MatchProfile.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000);
}

BenchmarkSwitcher.FromAssembly(typeof(WorkListIntakeBenchmarks).Assembly).Run(args);
return 0;

static MatchOptions Options(string[] args) => MatchOptions.Default with
{
    Pool = Option(args, "--pool") is { } pool ? int.Parse(pool, CultureInfo.InvariantCulture) : MatchOptions.Default.Pool,
    PostingBudget = Option(args, "--budget") is { } budget ? int.Parse(budget, CultureInfo.InvariantCulture) : MatchOptions.Default.PostingBudget,
};

static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
