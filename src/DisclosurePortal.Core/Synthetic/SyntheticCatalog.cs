using DisclosurePortal.Core.Identifiers;

namespace DisclosurePortal.Core.Synthetic;

/// <summary>A made-up recording for demos and tests.</summary>
public sealed record SyntheticRecording(Isrc Isrc, string Title, string Artist, int DurationSeconds, int ReleaseYear);

/// <summary>
/// Generates a plausible, clearly fictional label catalog. Seeded, so the same seed always yields
/// the same catalog and ISRCs stay unique within it.
/// </summary>
public static class SyntheticCatalog
{
    private static readonly string[] Countries = ["GB", "US", "DE", "FR", "SE", "JP", "BR", "ES", "NL", "KR"];

    private static readonly string[] TitleShapes = ["{0} {1}", "{0} of {1}", "The {0} {1}", "{0}", "{0} & {1}", "{0} ({1})"];



    public static IEnumerable<SyntheticRecording> Generate(int count, int seed = 2024)
    {
        var random = new Random(seed);
        var artists = Enumerable.Range(0, Math.Max(8, count / 12)).Select(_ => ArtistName(random)).ToArray();
        for (var i = 0; i < count; i++)
        {
            var year = 1960 + random.Next(65);
            yield return new SyntheticRecording(IsrcFor(i, year), Title(random), artists[random.Next(artists.Length)], 120 + random.Next(300), year);
        }
    }

    /// <summary>The ISRC of the <paramref name="index"/>-th synthetic recording: unique per index, whatever the year.</summary>
    internal static Isrc IsrcFor(int index, int year) => Isrc.Parse(
        $"{Countries[index % Countries.Length]}{Registrant(index / Countries.Length / 100_000)}{year % 100:00}{Designation(index / Countries.Length % 100_000):00000}");

    // Each block of 100,000 codes per country gets its own registrant, so ISRCs never repeat.
    private static string Registrant(int block)
    {
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var n = block + (10 * 1296) + (30 * 36) + 27; // "AUR" first: reads like a label's registrant code
        return $"{digits[n / 1296 % 36]}{digits[n / 36 % 36]}{digits[n % 36]}";
    }

    // A bijection on 0..99,999 (7,919 is coprime with 100,000), so designation codes look issued, not counted.
    private static int Designation(int n) => (int)((n * 7_919L + 4_211) % 100_000);

    private static string Title(Random random)
    {
        var shape = TitleShapes[random.Next(TitleShapes.Length)];
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, Pick(random, SyntheticNames.TitleWords), Pick(random, SyntheticNames.TitleWords));
    }

    private static string ArtistName(Random random) => random.Next(4) == 0
        ? $"The {Pick(random, SyntheticNames.TitleWords)} {Pick(random, SyntheticNames.BandWords)}"
        : $"{Pick(random, SyntheticNames.FirstNames)} {Pick(random, SyntheticNames.Surnames)}";

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];
}
