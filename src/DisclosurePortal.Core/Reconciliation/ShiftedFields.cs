using System.Text.RegularExpressions;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Core.WorkLists;

namespace DisclosurePortal.Core.Reconciliation;

/// <summary>
/// Puts back values that slid into the title field of one record of a pair ("Silver and Gold 3:33", "Goner twenty one
/// pilots Alternative Rock $ 1.29 3:56"): a duration, a date, a price and a copyright line are taken out; then the
/// title is cut to the words it shares at its start with the other record's title, since a shifted title still
/// begins with the real one. Only titles that showed such debris are cut, so clean pairs are left as they were.
/// </summary>
public static partial class ShiftedFields
{
    [GeneratedRegex(@"(?<!\d)(\d{1,2}:\d{2})(?![\d:])", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();

    [GeneratedRegex(@"\b(?:\d{1,2}-[A-Za-z]{3}-\d{2}|[A-Z][a-z]+ \d{1,2} , \d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    [GeneratedRegex(@"\$ ?\d+\.\d{2}|\bAlbum Only\b", RegexOptions.CultureInvariant)]
    private static partial Regex Price();

    [GeneratedRegex(@"\(\s*[CcPp]\s*\)|‰ ãÑ|[©℗]|#NAME \?", RegexOptions.CultureInvariant)]
    private static partial Regex Copyright();

    public static (ListedWork Left, ListedWork Right) Repair(ListedWork left, ListedWork right)
    {
        var (l, leftShifted) = TakeOut(left);
        var (r, rightShifted) = TakeOut(right);
        if (!leftShifted && !rightShifted)
        {
            return (left, right);
        }

        var leftParts = TitleParser.Parse(l.Title);
        var rightParts = TitleParser.Parse(r.Title);
        var leftWords = TextNormaliser.MatchWords(leftParts.BaseTitle);
        var rightWords = TextNormaliser.MatchWords(rightParts.BaseTitle);
        // A short shared start ("I" of "I 'm a Machine" and "I Can Only Imagine") says nothing unless it is a whole title.
        var shared = SharedStart(leftWords, rightWords);
        if (shared == 0 || (leftWords[..shared].Sum(w => w.Length) < 4 && shared < Math.Min(leftWords.Length, rightWords.Length)))
        {
            return (l, r);
        }

        return (leftShifted ? Cut(l, leftWords, shared, leftParts, r) : l, rightShifted ? Cut(r, rightWords, shared, rightParts, l) : r);
    }

    // The title is cut after the shared words; an artist or album of the other record found in what was cut off is this one's too.
    private static ListedWork Cut(ListedWork work, string[] words, int shared, TitleParts parts, ListedWork other)
    {
        var rest = words[shared..];
        return work with
        {
            Title = Rebuild(words[..shared], parts),
            Artist = work.Artist ?? (Within(other.Artist, rest) ? other.Artist : null),
            Album = work.Album ?? (Within(other.Album, rest) ? other.Album : null),
        };
    }

    private static bool Within(string? text, string[] words) =>
        TextNormaliser.MatchWords(text) is { Length: > 0 } wanted && WordSimilarity.Containment(wanted, words) >= 0.99;

    private static (ListedWork Work, bool Shifted) TakeOut(ListedWork work)
    {
        var title = work.Title ?? string.Empty;
        var shifted = false;
        var duration = work.DurationSeconds;
        if (Clock().Match(title) is { Success: true } clock)
        {
            duration ??= WorkListValues.DurationSeconds(clock.Value);
            title = title.Remove(clock.Index, clock.Length);
            shifted = true;
        }

        var year = work.Year;
        if (Date().Match(title) is { Success: true } date)
        {
            year ??= WorkListValues.Year(date.Value);
            title = title.Remove(date.Index, date.Length);
            shifted = true;
        }

        if (Price().IsMatch(title))
        {
            title = Price().Replace(title, " ");
            shifted = true;
        }

        if (Copyright().Match(title) is { Success: true } copyright)
        {
            title = title[..copyright.Index];
            shifted = true;
        }

        // An empty artist or album column means its value went somewhere: most likely into the title.
        shifted |= work.Artist is null || work.Album is null;
        return (work with { Title = title.Trim(), DurationSeconds = duration, Year = year }, shifted);
    }

    private static int SharedStart(string[] a, string[] b)
    {
        var shared = 0;
        while (shared < a.Length && shared < b.Length && EditDistance.WordSimilarity(a[shared], b[shared]) >= 0.75)
        {
            shared++;
        }

        return shared;
    }

    private static string Rebuild(string[] words, TitleParts parts) =>
        string.Join(' ', words) + string.Concat(parts.Qualifiers.Select(q => $" ({q})")) + string.Concat(parts.Featured.Select(f => $" (feat. {f})"));
}
