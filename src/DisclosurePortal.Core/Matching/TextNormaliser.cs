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
    private static readonly string[] LeadingArticles = ["the ", "a ", "an "];

    public static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var folded = text.Normalize(NormalizationForm.FormKD);
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
