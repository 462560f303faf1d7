using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DisclosurePortal.Core.Identifiers;
using DisclosurePortal.Core.WorkLists;
using DisclosurePortal.Web.Infrastructure;

namespace DisclosurePortal.Benchmarks;

/// <summary>
/// An upload at full size (issue 7): writes an N-row work list with every field (about 100 bytes a row), then in
/// one run times a raw CsvHelper parse of it (the baseline), receiving it as the intake does (streamed to storage while
/// hashing), reading + validating it with the work-list reader, and the validation job that reads, validates and stores
/// every row on SQLite; with the process's resident memory growth during each step.
/// </summary>
internal static class UploadScenario
{
    public static async Task<int> RunAsync(int rows)
    {
        using var scratch = new ScratchDirectory();
        var list = Path.Combine(scratch.Path, "work-list.csv");
        var watch = Stopwatch.StartNew();
        Write(list, rows);
        var bytes = new FileInfo(list).Length;
        Console.WriteLine($"Wrote {rows:N0} rows, {bytes / 1048576.0:N1} MiB in {watch.Elapsed.TotalSeconds:N1} s; {Environment.ProcessorCount} cores, load average {Measurements.LoadAverage()}");

        var parse = Measure("CsvHelper parse, every field (baseline)", rows, bytes, () => Parse(list));
        var receive = await MeasureAsync("receive: streamed to storage + SHA-256 (HashedFileCopy, as the intake)", rows, bytes, async () =>
        {
            await using var source = new FileStream(list, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            var received = await HashedFileCopy.ReceiveAsync(source, Path.Combine(scratch.Path, "received.upload"), long.MaxValue, default);
            return received.SizeBytes > 0 ? rows : 0;
        });
        var validate = Measure("read + validate (WorkListReader, every field)", rows, bytes, () =>
        {
            using var file = new FileStream(list, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return WorkListReader.Read(file).Count();
        });

        await using var bench = await ValidationJobBench.CreateAsync(list);
        var job = await MeasureAsync("read + validate + store: the validation job on SQLite", rows, bytes, bench.RunAsync);

        Console.WriteLine();
        Console.WriteLine("| step | time | CPU time | MB/s | rows/s | ratio to parse | memory growth |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var step in new[] { parse, receive, validate, job })
        {
            Console.WriteLine($"| {step.Name} | {step.Seconds:N1} s | {step.CpuSeconds:N1} s | {bytes / 1e6 / step.Seconds:N0} | {rows / step.Seconds:N0} | {step.Seconds / parse.Seconds:N2} | {step.GrowthBytes / 1048576.0:N0} MiB |");
        }

        Console.WriteLine($"Receive at {bytes / 1e6 / receive.Seconds:N0} MB/s; validation job at {rows / job.Seconds:N0} rows/s, {parse.Seconds / job.Seconds:P1} of the raw parse rate ({rows / parse.Seconds:N0} rows/s); " +
            $"largest memory growth {new[] { receive, validate, job }.Max(s => s.GrowthBytes) / 1048576.0:N0} MiB (target under 200 MB); load average now {Measurements.LoadAverage()}.");
        return 0;
    }

    // CPU time next to wall time: on a shared machine the wall time is mostly waiting for a core.
    private sealed record Step(string Name, double Seconds, double CpuSeconds, long GrowthBytes);

    private static Step Measure(string name, int rows, long bytes, Func<int> run) => MeasureAsync(name, rows, bytes, () => Task.FromResult(run())).GetAwaiter().GetResult();

    private static async Task<Step> MeasureAsync(string name, int rows, long bytes, Func<Task<int>> run)
    {
        PeakMemory.Reset();
        var before = PeakMemory.CurrentBytes();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var counted = await run();
        watch.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var growth = Math.Max(0, PeakMemory.PeakBytes() - before);
        if (counted != rows)
        {
            throw new InvalidOperationException($"{name}: {counted:N0} rows instead of {rows:N0}.");
        }

        Console.WriteLine($"{name}: {watch.Elapsed.TotalSeconds:N1} s (CPU {cpuSeconds:N1} s), {bytes / 1e6 / watch.Elapsed.TotalSeconds:N0} MB/s, {rows / watch.Elapsed.TotalSeconds:N0} rows/s, memory +{growth / 1048576.0:N0} MiB");
        return new Step(name, watch.Elapsed.TotalSeconds, cpuSeconds, growth);
    }

    private static int Parse(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read(); // the header
        var rows = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.Count; i++)
            {
                _ = csv[i];
            }

            rows++;
        }

        return rows;
    }

    /// <summary>Every field a list carries; one row in ten with an ISWC, one in twenty with a UPC, one in fifty with a broken ISRC (a warning).</summary>
    private static void Write(string path, int rows)
    {
        var iswcs = Enumerable.Range(0, 100).Select(i => Valid(n => Iswc.TryParse($"T{300000000 + (i * 7919):D9}{n}", out var code) ? code.Formatted : null)).ToArray();
        var upcs = Enumerable.Range(0, 100).Select(i => Valid(n => Gtin.TryParse($"501234{i * 977:D6}{n}", out var code) ? code.Value : null)).ToArray();
        string[] kinds = ["audio", "audio", "audio", "lyrics", "video"];
        string[] purposes = ["pre-training", "fine-tuning", "evaluation"];
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.Write("title,artist,album,isrc,iswc,upc,duration,year,kind,dataset,purpose\n");
        for (var i = 0; i < rows; i++)
        {
            var isrc = i % 50 == 49 ? "XX-BROKEN" : $"USAB2{i % 100:D2}{i % 100000:D5}";
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"Song {i % 97_003} of {i % 211},Artist {i % 5_003},Album {i % 20_011},{isrc},{(i % 10 == 0 ? iswcs[i % 100] : "")},{(i % 20 == 0 ? upcs[i % 100] : "")},{2 + (i % 4)}:{i % 60:D2},{1960 + (i % 64)},{kinds[i % 5]},set-{i % 7},{purposes[i % 3]}\n"));
        }
    }

    private static string Valid(Func<int, string?> withCheckDigit) =>
        Enumerable.Range(0, 10).Select(withCheckDigit).First(code => code is not null)!;
}
