using System.Globalization;
using DisclosurePortal.Core.Identifiers;

namespace DisclosurePortal.Core.Synthetic;

/// <summary>
/// A fictional label catalog with recordings, compositions and releases that carry valid identifiers.
/// Releases hold <see cref="TracksPerRelease"/> consecutive recordings; an album brings new
/// compositions, a remaster, live album or singles release re-records an earlier album's tracks as new
/// versions. Every item is computed from (seed, index) alone, so a million recordings stream without
/// being held in memory and a training list can look any recording up by index.
/// </summary>
public sealed class SyntheticLabelCatalog
{
    public const int TracksPerRelease = 8;

    private const int ReleaseStream = 1, TrackStream = 2, RecordingStream = 3, ArtistStream = 4, WriterStream = 5, CompositionStream = 6;

    private static readonly string[] SinglesVersions = ["Radio Edit", "Acoustic", "Extended Mix", "Single Version", "Explicit", "Remix"];

    private readonly int artistCount;
    private readonly int writerCount;

    public SyntheticLabelCatalog(int recordingCount, int seed = 2024)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recordingCount);
        RecordingCount = recordingCount;
        Seed = seed;
        artistCount = Math.Max(8, recordingCount / 40);
        writerCount = Math.Max(12, recordingCount / 25);
    }

    public int RecordingCount { get; }

    public int Seed { get; }

    public int ReleaseCount => (RecordingCount + TracksPerRelease - 1) / TracksPerRelease;

    public IEnumerable<LabelRecording> Recordings()
    {
        for (var i = 0; i < RecordingCount; i++)
        {
            yield return Recording(i);
        }
    }

    public IEnumerable<LabelRelease> Releases()
    {
        for (var r = 0; r < ReleaseCount; r++)
        {
            yield return Release(r);
        }
    }

    /// <summary>One composition per track of each album; versions on later releases point back to it.</summary>
    public IEnumerable<LabelComposition> Compositions()
    {
        for (var r = 0; r < ReleaseCount; r++)
        {
            if (Plan(r).Kind != ReleaseKind.Album)
            {
                continue;
            }

            for (var i = r * TracksPerRelease; i < Math.Min(RecordingCount, (r + 1) * TracksPerRelease); i++)
            {
                yield return Composition(i);
            }
        }
    }

    public static string RecordingId(int index) => $"REC-{index:0000000}";

    public LabelRecording Recording(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, RecordingCount);
        var plan = Plan(index / TracksPerRelease);
        var original = OriginalIndex(index);
        var track = Track(original);
        var random = new Prng(Seed, RecordingStream, index);
        var (version, duration) = plan.Kind switch
        {
            ReleaseKind.Remaster => (random.Chance(0.5) ? $"Remastered {plan.Year}" : $"{plan.Year} Remaster", track.Duration + random.Next(-1, 2)),
            ReleaseKind.Live => (random.Chance(0.5) ? "Live" : $"Live in {random.Pick(SyntheticNames.Cities)}", track.Duration + random.Next(5, 45)),
            ReleaseKind.Singles => SinglesVersion(random, track.Duration),
            _ => ((string?)null, track.Duration),
        };
        return new LabelRecording(
            RecordingId(index), SyntheticCatalog.IsrcFor(index, plan.Year), track.Title, version, Artist(plan.ArtistIndex),
            track.Featured, duration, plan.Year, SyntheticNames.Labels[plan.LabelIndex], CompositionId(original), ReleaseId(plan.Index));
    }

    public LabelRelease Release(int index)
    {
        var plan = Plan(index);
        var trackCount = Math.Min(TracksPerRelease, RecordingCount - (index * TracksPerRelease));

        // Even releases carry a UPC-A (North American style), odd ones an EAN-13 from a European prefix.
        var number = (index * 7_919L + 104_729) % 10_000_000_000L;
        var barcode = index % 2 == 0
            ? Gtin.FromDataDigits("8" + number.ToString("0000000000", CultureInfo.InvariantCulture))
            : Gtin.FromDataDigits("50" + number.ToString("0000000000", CultureInfo.InvariantCulture));
        return new LabelRelease(ReleaseId(index), barcode, plan.Title, Artist(plan.ArtistIndex), plan.Kind, plan.Year, SyntheticNames.Labels[plan.LabelIndex], trackCount);
    }

    /// <summary>The composition a recording performs (the work of its album original).</summary>
    public LabelComposition CompositionOf(int recordingIndex) => Composition(OriginalIndex(recordingIndex));

    private LabelComposition Composition(int originalIndex)
    {
        var random = new Prng(Seed, CompositionStream, originalIndex);
        var writers = new List<LabelWriter>();
        var count = random.Next(1, 4);
        while (writers.Count < count)
        {
            var writer = Writer(random.Next(writerCount));
            if (!writers.Contains(writer))
            {
                writers.Add(writer);
            }
        }

        // (n · 7,919 + c) mod 10⁹ is a bijection, so work numbers never repeat and do not look counted.
        var iswc = Iswc.FromWorkNumber((int)((originalIndex * 7_919L + 31_337) % 1_000_000_000));
        return new LabelComposition(CompositionId(originalIndex), iswc, Track(originalIndex).Title, writers);
    }

    private static string CompositionId(int originalIndex) => $"WRK-{originalIndex:0000000}";

    private static string ReleaseId(int index) => $"REL-{index:000000}";

    private int OriginalIndex(int index) => (Plan(index / TracksPerRelease).SourceRelease * TracksPerRelease) + (index % TracksPerRelease);

    private (string Title, IReadOnlyList<string> Featured, int Duration) Track(int originalIndex)
    {
        var random = new Prng(Seed, TrackStream, originalIndex);
        var title = SyntheticNames.Title(random, SyntheticNames.TitleWords);
        IReadOnlyList<string> featured = random.Chance(0.15) ? [Artist(random.Next(artistCount))] : [];
        return (title, featured, random.Next(120, 420));
    }

    private (string? Version, int Duration) SinglesVersion(Prng random, int duration) => random.Pick(SinglesVersions) switch
    {
        "Radio Edit" => ("Radio Edit", Math.Max(90, duration - random.Next(20, 60))),
        "Extended Mix" => ("Extended Mix", duration + random.Next(60, 180)),
        "Remix" => ($"{Artist(random.Next(artistCount))} Remix", duration + random.Next(-30, 90)),
        var other => (other, duration + random.Next(-3, 4)),
    };

    private string Artist(int index) => SyntheticNames.Artist(new Prng(Seed, ArtistStream, index));

    private LabelWriter Writer(int index)
    {
        var random = new Prng(Seed, WriterStream, index);
        return new LabelWriter(SyntheticNames.Person(random), IpiNameNumber.FromBaseDigits((int)((index * 104_729L + 250_000_000) % 1_000_000_000)));
    }

    private ReleasePlan Plan(int index)
    {
        var random = new Prng(Seed, ReleaseStream, index);
        var roll = random.Next(100);
        if (index == 0 || roll < 60)
        {
            return new ReleasePlan(index, ReleaseKind.Album, index, random.Next(artistCount), random.Next(1960, 2025),
                random.Next(SyntheticNames.Labels.Length), SyntheticNames.Title(random, SyntheticNames.TitleWords));
        }

        // A new version of an earlier album (following a reissue back to the album it reissues).
        var source = Plan(index - 1 - random.Next(Math.Min(index, 40)));
        source = Plan(source.SourceRelease);
        var kind = roll < 75 ? ReleaseKind.Remaster : roll < 87 ? ReleaseKind.Live : ReleaseKind.Singles;
        var year = Math.Min(2025, source.Year + (kind == ReleaseKind.Remaster ? random.Next(10, 40) : random.Next(0, 4)));
        var title = kind switch
        {
            ReleaseKind.Remaster => $"{source.Title} (Remastered)",
            ReleaseKind.Live => $"{source.Title} – Live",
            _ => $"{source.Title} (Singles & Remixes)",
        };
        return new ReleasePlan(index, kind, source.Index, source.ArtistIndex, year, source.LabelIndex, title);
    }

    private sealed record ReleasePlan(int Index, ReleaseKind Kind, int SourceRelease, int ArtistIndex, int Year, int LabelIndex, string Title);
}
