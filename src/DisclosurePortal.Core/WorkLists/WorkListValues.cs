using System.Globalization;
using System.Text.RegularExpressions;

namespace DisclosurePortal.Core.WorkLists;

/// <summary>
/// Durations and years as work lists write them: seconds, milliseconds, 3:39, h:mm:ss, 1m 58sec, PT3M45S, decimal
/// minutes; 1975, 75, 1975-03-12, 18-May-15, "May 18, 2015". Anything unreadable is null, never an exception.
/// </summary>
public static partial class WorkListValues
{
    [GeneratedRegex(@"^(?:(?<h>\d{1,2}):)?(?<m>\d{1,3}):(?<s>\d{2})(?:[\.,]\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();

    [GeneratedRegex(@"^P?T?(?:(?<h>\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(?<m>\d+(?:\.\d+)?)\s*m(?:in(?:utes?)?)?)?\s*(?:(?<s>\d+(?:\.\d+)?)\s*s(?:ec(?:onds?)?)?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Units();

    [GeneratedRegex(@"(?<!\d)(?<y>1[89]\d\d|2[01]\d\d)(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex FourDigitYear();

    [GeneratedRegex(@"^\d{1,2}[-/ .](?:[A-Za-z]{3,9}|\d{1,2})[-/ .](?<y>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortDate();

    /// <summary>The duration in whole seconds; large whole numbers are taken as milliseconds, numbers with a decimal point as minutes.</summary>
    public static int? DurationSeconds(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }

        var value = text.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            return whole >= 10_000 ? (int)Math.Min(whole / 1000, int.MaxValue) : (int)whole;
        }

        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var minutes))
        {
            return minutes < 1000 ? (int)Math.Round(minutes * 60) : null;
        }

        if (Clock().Match(value) is { Success: true } clock)
        {
            var hours = clock.Groups["h"].Success ? int.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
            return (hours * 3600) + (int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture) * 60) + int.Parse(clock.Groups["s"].Value, CultureInfo.InvariantCulture);
        }

        if (Units().Match(value.Replace(" ", string.Empty, StringComparison.Ordinal)) is { Success: true } units && units.Length > 0
            && (units.Groups["h"].Success || units.Groups["m"].Success || units.Groups["s"].Success))
        {
            double Part(string name) => units.Groups[name].Success ? double.Parse(units.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
            return (int)Math.Round((Part("h") * 3600) + (Part("m") * 60) + Part("s"));
        }

        return null;
    }

    /// <summary>The year: a four-digit year anywhere in the text, else a two-digit one alone or ending a short date (75 → 1975, 15 → 2015).</summary>
    public static int? Year(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }

        var value = text.Trim();
        if (FourDigitYear().Match(value) is { Success: true } four)
        {
            return int.Parse(four.Groups["y"].Value, CultureInfo.InvariantCulture);
        }

        var twoDigits = value.Length == 2 && value.All(char.IsAsciiDigit) ? value
            : ShortDate().Match(value) is { Success: true } date ? date.Groups["y"].Value : null;
        if (twoDigits is null)
        {
            return null;
        }

        var year = int.Parse(twoDigits, CultureInfo.InvariantCulture);
        return year <= (DateTime.UtcNow.Year % 100) + 1 ? 2000 + year : 1900 + year;
    }
}
