namespace DisclosurePortal.Core.Synthetic;

/// <summary>One row of a company's work list as it would upload it: every field is free text.</summary>
public sealed record TrainingListRow(int Row, string Title, string Artist, string Album, string Isrc, string Iswc, string Upc, string Duration, string Year);

/// <summary>The truth for a row: the catalog recording it names (null when none) and the noise applied to it.</summary>
public sealed record GoldLink(int Row, string? RecordingId, IReadOnlyList<string> Noise);

public sealed record TrainingListEntry(TrainingListRow Row, GoldLink Gold);

/// <summary>
/// A training list drawn from a <see cref="SyntheticLabelCatalog"/> with the mess real lists have,
/// plus rows that are not in the catalog (unknown songs, covers of catalog titles, placeholders).
/// Each row is computed from (seed, row number) and streamed.
/// </summary>
public static class SyntheticTrainingList
{
    private const int RowStream = 10;

    private static readonly string[] AddedVersions = ["Remastered", "2011 Remaster", "Explicit", "Album Version", "Deluxe Edition"];
    private static readonly string[] Placeholders = ["unknown", "n/a", "Various Artists", "-", "[unknown]"];

    public static IEnumerable<TrainingListEntry> Generate(SyntheticLabelCatalog catalog, int rows, int seed = 2024)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        for (var row = 1; row <= rows; row++)
        {
            var random = new Prng(seed, RowStream, row);
            yield return catalog.RecordingCount > 0 && random.Chance(0.8)
                ? FromCatalog(catalog, random, row)
                : NotInCatalog(catalog, random, row);
        }
    }

    private static TrainingListEntry FromCatalog(SyntheticLabelCatalog catalog, Prng random, int row)
    {
        var index = random.Next(catalog.RecordingCount);
        var recording = catalog.Recording(index);
        var noise = new List<string>();
        var title = recording.Title;
        var artist = recording.MainArtist;

        if (recording.Version is { } version)
        {
            title = random.Next(10) switch
            {
                < 4 => $"{title} ({version})",
                < 6 => $"{title} - {version}",
                < 8 => $"{title} [{version}]",
                _ => Tag(noise, "version-dropped", title),
            };
        }
        else if (random.Chance(0.1))
        {
            title = Tag(noise, "version-added", $"{title} ({random.Pick(AddedVersions)})");
        }

        if (recording.FeaturedArtists.Count > 0)
        {
            var featured = string.Join(" & ", recording.FeaturedArtists);
            switch (random.Next(5))
            {
                case 0 or 1: title = Tag(noise, "feat-in-title", $"{title} (feat. {featured})"); break;
                case 2: artist = Tag(noise, "feat-in-artist", $"{artist} ft. {featured}"); break;
                case 3: artist = Tag(noise, "feat-in-artist", $"{artist}, {featured}"); break;
                default: noise.Add("feat-dropped"); break;
            }
        }

        if (random.Chance(0.08)) { artist = Tag(noise, "last-first", TextNoise.LastFirst(artist)); }
        if (random.Chance(0.15)) { title = Tag(noise, "typo-title", TextNoise.Typo(random, title)); }
        if (random.Chance(0.08)) { artist = Tag(noise, "typo-artist", TextNoise.Typo(random, artist)); }
        if (random.Chance(0.1)) { title = Tag(noise, "punctuation", TextNoise.DropPunctuation(title)); }
        if (random.Chance(0.1)) { (title, artist) = Tag(noise, "upper-case", (title.ToUpperInvariant(), artist.ToUpperInvariant())); }
        else if (random.Chance(0.1)) { (title, artist) = Tag(noise, "lower-case", (title.ToLowerInvariant(), artist.ToLowerInvariant())); }

        if (!(title + artist).All(char.IsAscii))
        {
            if (random.Chance(0.3)) { (title, artist) = Tag(noise, "diacritics-stripped", (TextNoise.StripDiacritics(title), TextNoise.StripDiacritics(artist))); }
            else if (random.Chance(0.1)) { (title, artist) = Tag(noise, "mojibake", (TextNoise.Mojibake(title), TextNoise.Mojibake(artist))); }
        }

        if (random.Chance(0.05)) { artist = Tag(noise, "script-cyrillic", TextNoise.ToCyrillic(artist)); }
        if (random.Chance(0.03)) { (title, artist) = Tag(noise, "artist-in-title", ($"{artist} - {title}", "")); }
        else if (random.Chance(0.03)) { title = Tag(noise, "track-number", $"{index % SyntheticLabelCatalog.TracksPerRelease + 1:00}. {title}"); }

        var isrc = random.Next(100) switch
        {
            < 20 => recording.Isrc.Value,
            < 40 => recording.Isrc.Formatted,
            < 50 => recording.Isrc.Value.ToLowerInvariant(),
            < 55 => $"ISRC {recording.Isrc.Formatted.Replace('-', ' ')}",
            < 60 => Tag(noise, "isrc-corrupted", TextNoise.CorruptOne(random, recording.Isrc.Value, 7)),
            _ => Tag(noise, "isrc-missing", ""),
        };
        var composition = random.Chance(0.3) ? catalog.CompositionOf(index) : null;
        var iswc = composition is null ? "" : random.Chance(0.1)
            ? Tag(noise, "iswc-bad-check", TextNoise.CorruptOne(random, composition.Iswc.Value, 10))
            : random.Chance(0.5) ? composition.Iswc.Formatted : composition.Iswc.Value;
        var release = random.Chance(0.6) ? catalog.Release(index / SyntheticLabelCatalog.TracksPerRelease) : null;
        var upc = release is null || !random.Chance(0.35) ? "" : random.Chance(0.1)
            ? Tag(noise, "upc-bad-check", TextNoise.CorruptOne(random, release.Barcode.Formatted, release.Barcode.Formatted.Length - 1))
            : release.Barcode.Formatted;
        var duration = random.Chance(0.8) ? TextNoise.Duration(random, recording.DurationSeconds + random.Next(-2, 3)) : "";
        var year = random.Chance(0.7) ? TextNoise.Year(random, recording.Year) : "";

        var listRow = new TrainingListRow(row, title, artist, release?.Title ?? "", isrc, iswc, upc, duration, year);
        return new TrainingListEntry(listRow, new GoldLink(row, recording.Id, noise));
    }

    private static TrainingListEntry NotInCatalog(SyntheticLabelCatalog catalog, Prng random, int row)
    {
        var noise = new List<string>();
        string title, artist;
        switch (random.Next(10))
        {
            case < 3 when catalog.RecordingCount > 0:
                // A cover: a catalog title recorded by someone else is a different recording.
                title = catalog.Recording(random.Next(catalog.RecordingCount)).Title;
                artist = Tag(noise, "cover", random.Pick(SyntheticNames.OutsiderNames));
                break;
            case 3:
                title = Tag(noise, "placeholder", random.Pick(Placeholders));
                artist = random.Pick(Placeholders);
                break;
            default:
                title = Tag(noise, "unknown-song", SyntheticNames.Title(random, SyntheticNames.OutsiderWords));
                artist = random.Pick(SyntheticNames.OutsiderNames);
                break;
        }

        // Other labels' codes: the "QZ" country prefix is reserved for digital registrants and never used by this catalog.
        var isrc = random.Chance(0.4) ? $"QZ{(char)('A' + random.Next(26))}{random.Next(10)}{random.Next(10)}{random.Next(1990, 2025) % 100:00}{random.Next(100_000):00000}" : "";
        var duration = random.Chance(0.8) ? TextNoise.Duration(random, random.Next(100, 400)) : "";
        var listRow = new TrainingListRow(row, title, artist, "", isrc, "", "", duration, "");
        return new TrainingListEntry(listRow, new GoldLink(row, null, noise));
    }

    private static T Tag<T>(List<string> noise, string tag, T value)
    {
        noise.Add(tag);
        return value;
    }
}
