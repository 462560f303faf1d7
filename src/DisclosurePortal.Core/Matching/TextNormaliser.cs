using System.Globalization;
using System.Text;

namespace DisclosurePortal.Core.Matching;

/// <summary>
/// Turns a title or artist as people type it into a comparison key: compatibility-folded, lower case,
/// without diacritics or punctuation, '&amp;' read as 'and', a leading article dropped, spaces collapsed.
/// One normaliser serves catalog keys and uploaded rows so both sides compare alike.
/// </summary>
public static class TextNormaliser
{
    /// <summary>Longer text is cut before matching: no title or name is that long, and the cost stays bounded.</summary>
    public const int MaxMatchLength = 1000;

    private static readonly string[] LeadingArticles = ["the ", "a ", "an "];

    /// <summary>
    /// The words the matcher compares, from either side: <see cref="Key"/> after repairing UTF-8 read as
    /// Latin-1 ("CorazÃ³n"), spelling Cyrillic and Greek in Latin letters and cutting at <see cref="MaxMatchLength"/>.
    /// </summary>
    public static string[] MatchWords(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var repaired = RepairMojibake(text.Length > MaxMatchLength ? text[..MaxMatchLength] : text);
        var key = Key(Transliteration.Needed(repaired) ? Transliteration.ToLatin(repaired) : repaired);
        return key.Length == 0 ? [] : key.Split(' ');
    }

    /// <summary>Text whose UTF-8 bytes were read as Latin-1 gets its letters back; anything else is returned as it was.</summary>
    public static string RepairMojibake(string text)
    {
        // Every UTF-8 sequence for a Latin letter with a diacritic starts with Ã or Â when misread.
        if (text.IndexOfAny(['Ã', 'Â']) < 0 || text.Any(c => c > '\u00FF'))
        {
            return text;
        }

        try
        {
            return Strict.GetString(Encoding.Latin1.GetBytes(text));
        }
        catch (DecoderFallbackException)
        {
            return text;
        }
    }

    // Compatibility decomposition; a lone surrogate (broken UTF-16) cannot be normalised and is dropped first.
    private static string Fold(string text)
    {
        if (!HasBrokenSurrogate(text))
        {
            return text.Normalize(NormalizationForm.FormKD);
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(text, i++, 2);
            }
            else if (!char.IsSurrogate(text[i]))
            {
                clean.Append(text[i]);
            }
        }

        return clean.ToString().Normalize(NormalizationForm.FormKD);
    }

    private static bool HasBrokenSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        // Plain ASCII has nothing to fold; the Unicode normalisation is the costly part of a key.
        var folded = System.Text.Ascii.IsValid(text) ? text : Fold(text);
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else if (c == '&')
            {
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append("and");
                pendingSpace = true;
            }
            else if (c != '\'' && c != '\u2019')
            {
                // Apostrophes join ("don't" = "dont"); everything else separates words.
                pendingSpace = true;
            }
        }

        var key = builder.ToString();
        foreach (var article in LeadingArticles)
        {
            if (key.Length > article.Length && key.StartsWith(article, StringComparison.Ordinal))
            {
                return key[article.Length..];
            }
        }

        return key;
    }
}
