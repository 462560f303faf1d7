using System.Text.RegularExpressions;
using DisclosurePortal.Core.Identifiers;

namespace DisclosurePortal.Core.Matching;

/// <summary>
/// A listed work made comparable: title and credits in words (featured artists in the title moved to the
/// credits), placeholders dropped, identifiers parsed (an invalid one becomes a warning, never a key), and
/// other readings of the title when fields look shifted ("Artist - Title" with no artist).
/// </summary>
internal sealed partial class PreparedWork
{
    public const int MaxDurationSeconds = 4 * 3600;

    private static readonly HashSet<string> Placeholders = new(StringComparer.Ordinal)
    {
        "", "unknown", "n a", "na", "null", "none", "various", "various artists", "va", "untitled", "unknown artist", "tbd", "x",
    };

    private PreparedWork()
    {
    }

    public required ListedWork Work { get; init; }

    public required TitleWords Title { get; init; }

    /// <summary>Other ways to read the row: (title, artist words) when the title field holds "Artist - Title" or "Title - Artist".</summary>
    public IReadOnlyList<(TitleWords Title, string[] Artist)> Readings { get; init; } = [];

    public required string[] Artist { get; init; }

    public required string[] Album { get; init; }

    public int Duration { get; init; }

    public int Year { get; init; }

    public long Isrc { get; init; }

    public long Iswc { get; init; }

    public long Upc { get; init; }

    public required List<string> Warnings { get; init; }

    public bool HasText => !Title.IsEmpty || Readings.Count > 0;

    [GeneratedRegex(@"^\s*(?:[A-Da-d]?\d{1,3}\s*[\.\-\)]|[A-Da-d]\d{1,2}\s)\s*(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex TrackNumber();

    [GeneratedRegex(@"\s+[-–—/|:]\s+", RegexOptions.CultureInvariant)]
    private static partial Regex FieldSeparator();

    public static PreparedWork From(ListedWork work, Func<string[], string[]> known)
    {
        var warnings = new List<string>();
        var title = Clean(work.Title, "title", warnings);
        var artist = Clean(work.Artist, "artist", warnings);
        var album = Clean(work.Album, "album", warnings);

        // "07. Title", "012-Title", "A2 Title": a track number glued to the title is not part of it.
        if (title is not null && TrackNumber().Match(title) is { Success: true } number && number.Length < title.Length)
        {
            title = title[number.Length..];
        }

        var parts = TitleParser.Parse(title);
        var titleWords = TitleWords.From(parts, null, known);
        // Featured names in the title join a listed artist; alone they are not the recording's artist.
        var credit = artist is null ? [] : TitleParser.SplitArtists(artist).Concat(parts.Featured).SelectMany(TextNormaliser.MatchWords).Distinct().ToArray();
        known(credit);

        return new PreparedWork
        {
            Work = work,
            Title = titleWords,
            Readings = artist is null && title is not null ? ShiftedReadings(title, known) : [],
            Artist = credit,
            Album = known(TextNormaliser.MatchWords(album)),
            Duration = ReadDuration(work.DurationSeconds, warnings),
            Year = work.Year is >= 1877 and <= 2200 ? work.Year.Value : 0,
            Isrc = Code(work.Isrc, "ISRC", s => Identifiers.Isrc.TryParse(s, out var i) ? IdentifierCode.Of(i) : 0, warnings, "is not a valid ISRC"),
            Iswc = Code(work.Iswc, "ISWC", IdentifierCode.Iswc, warnings, "has a wrong check digit or form"),
            Upc = Code(work.Upc, "UPC/EAN", IdentifierCode.Gtin, warnings, "has a wrong check digit or form"),
            Warnings = warnings,
        };
    }

    private static string? Clean(string? text, string field, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length > TextNormaliser.MaxMatchLength)
        {
            warnings.Add($"{field} is {text.Length:N0} characters long — only the first {TextNormaliser.MaxMatchLength:N0} were used");
            text = text[..TextNormaliser.MaxMatchLength];
        }

        if (text.Any(char.IsControl))
        {
            text = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        }

        var key = TextNormaliser.Key(text.Trim('[', ']', '(', ')', ' '));
        return Placeholders.Contains(key) || key.All(c => !char.IsLetterOrDigit(c)) ? null : text.Trim();
    }

    // With the artist column empty, "Ada Rossi - Midnight River - Live" may be artist then title, or title then artist.
    private static List<(TitleWords, string[])> ShiftedReadings(string title, Func<string[], string[]> known)
    {
        var readings = new List<(TitleWords, string[])>();
        var pieces = FieldSeparator().Split(title);
        if (pieces.Length < 2)
        {
            return readings;
        }

        readings.Add((TitleWords.From(string.Join(" - ", pieces[1..]), null, known), Credit(pieces[0], known)));
        readings.Add((TitleWords.From(string.Join(" - ", pieces[..^1]), null, known), Credit(pieces[^1], known)));
        return readings;
    }

    private static string[] Credit(string text, Func<string[], string[]> known) =>
        known(TitleParser.SplitArtists(text).SelectMany(TextNormaliser.MatchWords).Distinct().ToArray());

    private static int ReadDuration(int? seconds, List<string> warnings)
    {
        if (seconds is null)
        {
            return 0;
        }

        if (seconds is <= 0 or > MaxDurationSeconds)
        {
            warnings.Add($"duration {seconds} s is not plausible — not used");
            return 0;
        }

        return seconds.Value;
    }

    private static long Code(string? text, string name, Func<string, long> parse, List<string> warnings, string problem)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        var code = parse(text.Length > 64 ? text[..64] : text);
        if (code == 0)
        {
            warnings.Add($"{name} '{Shorten(text)}' {problem} — not used");
        }

        return code;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
