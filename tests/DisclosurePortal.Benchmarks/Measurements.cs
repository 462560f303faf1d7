using System.Diagnostics;
using System.Globalization;
using CsvHelper;

namespace DisclosurePortal.Benchmarks;

/// <summary>What the full-size scenarios all measure with: wall time, the machine's load, and the raw CsvHelper baseline.</summary>
internal static class Measurements
{
    public static TimeSpan Time(Action work)
    {
        var watch = Stopwatch.StartNew();
        work();
        return watch.Elapsed;
    }

    public static TimeSpan Time(Func<long> work) => Time(() => { GC.KeepAlive(work()); });

    public static async Task<TimeSpan> TimeAsync(Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed;
    }

    // Other work on the machine stretches wall-clock times; the load average says how busy it was.
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    /// <summary>The baseline: CsvHelper reading every field of the file (each materialised, as any real reader must); their total length.</summary>
    public static long ParseFields(string file)
    {
        using var stream = File.OpenRead(file);
        return ParseFields(stream);
    }

    public static long ParseFields(Stream stream)
    {
        using var reader = new StreamReader(stream);
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        long count = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.Count; i++)
            {
                count += csv[i].Length;
            }
        }

        return count;
    }
}
