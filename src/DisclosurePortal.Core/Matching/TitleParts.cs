using System.Text.RegularExpressions;

namespace DisclosurePortal.Core.Matching;

/// <summary>
/// A listed title taken apart: the work's own title, the version qualifiers that were attached to it
/// ("Remastered 2011", "Live", "Radio Edit"…) and any featured artists credited inside it.
/// Qualifiers are a signal for scoring, not part of the work's identity.
/// </summary>
public sealed record TitleParts(string BaseTitle, IReadOnlyList<string> Qualifiers, IReadOnlyList<string> Featured)
{
    /// <summary>The comparison key of <see cref="BaseTitle"/>.</summary>
    public string BaseKey => TextNormaliser.Key(BaseTitle);

    /// <summary>True when a qualifier names a different recording (live, remix…), not just another master.</summary>
    public bool ChangesRecording => Qualifiers.Any(q => TitleParser.RecordingChangingWords.Any(w => q.Contains(w, StringComparison.OrdinalIgnoreCase)));
}

public static partial class TitleParser
{
    private static readonly System.Buffers.SearchValues<char> Dashes = System.Buffers.SearchValues.Create("-–—");
    private static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create(",&/;");

    internal static readonly string[] RecordingChangingWords = ["live", "remix", "mix", "acoustic", "demo", "instrumental", "karaoke", "unplugged", "session", "cover"];

    // Words that make a bracketed or dash-separated tail a version qualifier rather than part of the title.
    private const string QualifierWords =
        @"remaster(?:ed)?|remastered version|live|radio edit|edit|single version|album version|mono|stereo|explicit|clean|" +
        @"acoustic|demo|instrumental|karaoke|remix|mix|extended|version|deluxe|bonus track|unplugged|session|original|re-?recorded|" +
        @"anniversary|reissue|take \d+|mix by .+|remix by .+";

    [GeneratedRegex(@"\s*[\(\[]\s*(?:feat\.?|ft\.?|featuring|with)\s+(?<who>[^\)\]]+)[\)\]]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex BracketedFeature();

    [GeneratedRegex(@"\s+(?:feat\.?|ft\.?|featuring)\s+(?<who>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TrailingFeature();

    [GeneratedRegex(@"\s*[\(\[](?<q>[^\)\]]*\b(?:" + QualifierWords + @")\b[^\)\]]*)[\)\]]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex BracketedQualifier();

    [GeneratedRegex(@"\s+[-–—]\s+(?<q>[^-–—]*\b(?:" + QualifierWords + @")\b[^-–—]*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DashQualifier();

    [GeneratedRegex(@"\s*(?:,|&|\band\b|/|;)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ArtistSeparator();

    public static TitleParts Parse(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return new TitleParts(string.Empty, [], []);
        }

        var featured = new List<string>();
        var qualifiers = new List<string>();
        var rest = title.Trim();

        // Most titles have no bracket, dash or credit at all: skip the expressions that could not match.
        if (rest.AsSpan().IndexOfAny('(', '[') >= 0)
        {
            rest = BracketedFeature().Replace(rest, m => Collect(featured, SplitArtists(m.Groups["who"].Value)));
            rest = BracketedQualifier().Replace(rest, m => Collect(qualifiers, [m.Groups["q"].Value.Trim()]));
        }

        // Tails after " - " can stack ("Song - Live - 2011 Remaster"): peel them from the end.
        if (rest.AsSpan().IndexOfAny(Dashes) >= 0)
        {
            for (var match = DashQualifier().Match(rest); match.Success; match = DashQualifier().Match(rest))
            {
                qualifiers.Insert(0, match.Groups["q"].Value.Trim());
                rest = rest[..match.Index];
            }
        }

        if (MayCredit(rest) && TrailingFeature().Match(rest) is { Success: true } trailing)
        {
            featured.AddRange(SplitArtists(trailing.Groups["who"].Value));
            rest = rest[..trailing.Index];
        }

        rest = rest.Trim();

        // A title that was nothing but qualifiers keeps its text: better a noisy title than none.
        return rest.Length == 0 ? new TitleParts(title.Trim(), [], featured) : new TitleParts(rest, qualifiers, featured);
    }

    /// <summary>Splits an artist credit into names: "A feat. B &amp; C" → A, B, C. Used for token-set comparisons.</summary>
    public static IReadOnlyList<string> SplitArtists(string? credit)
    {
        if (string.IsNullOrWhiteSpace(credit))
        {
            return [];
        }

        var normalisedCredit = MayCredit(credit) ? TrailingFeature().Replace(credit, m => ", " + m.Groups["who"].Value) : credit;
        if (normalisedCredit.AsSpan().IndexOfAny(Separators) < 0 && !normalisedCredit.Contains("and", StringComparison.OrdinalIgnoreCase))
        {
            return [normalisedCredit.Trim()];
        }

        return ArtistSeparator().Split(normalisedCredit)
            .Select(a => a.Trim())
            .Where(a => a.Length > 0)
            .ToList();
    }

    private static bool MayCredit(string text) =>
        text.Contains("feat", StringComparison.OrdinalIgnoreCase) || text.Contains("ft", StringComparison.OrdinalIgnoreCase);

    private static string Collect(List<string> into, IEnumerable<string> values)
    {
        into.AddRange(values.Where(v => v.Length > 0));
        return string.Empty;
    }
}
