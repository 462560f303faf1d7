using System.Globalization;
using System.Text;

namespace DisclosurePortal.Core.Synthetic;

/// <summary>The kinds of text damage real work lists show (see MATCHING-NOTES.md).</summary>
internal static class TextNoise
{
    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['a'] = "а", ['b'] = "б", ['c'] = "к", ['d'] = "д", ['e'] = "е", ['f'] = "ф", ['g'] = "г", ['h'] = "х", ['i'] = "и",
        ['j'] = "дж", ['k'] = "к", ['l'] = "л", ['m'] = "м", ['n'] = "н", ['o'] = "о", ['p'] = "п", ['q'] = "к", ['r'] = "р",
        ['s'] = "с", ['t'] = "т", ['u'] = "у", ['v'] = "в", ['w'] = "в", ['x'] = "кс", ['y'] = "й", ['z'] = "з",
    };

    /// <summary>Swaps, drops or doubles one letter.</summary>
    public static string Typo(Prng random, string text)
    {
        var letters = Enumerable.Range(0, text.Length).Where(i => char.IsLetter(text[i])).ToArray();
        if (letters.Length < 3)
        {
            return text;
        }

        var at = letters[random.Next(1, letters.Length - 1)];
        return random.Next(3) switch
        {
            0 when at + 1 < text.Length => string.Concat(text.AsSpan(0, at), text[at + 1].ToString(), text[at].ToString(), text.AsSpan(at + 2)),
            1 => text.Remove(at, 1),
            _ => text.Insert(at, text[at].ToString()),
        };
    }

    public static string StripDiacritics(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>UTF-8 bytes read as Latin-1, the classic "Ã©" damage.</summary>
    public static string Mojibake(string text) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text));

    /// <summary>A naive Latin-to-Cyrillic transliteration, as a Russian-language store would list a foreign name.</summary>
    public static string ToCyrillic(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in StripDiacritics(text))
        {
            var lower = char.ToLowerInvariant(c);
            if (Cyrillic.TryGetValue(lower, out var mapped))
            {
                builder.Append(char.IsUpper(c) ? mapped.ToUpperInvariant() : mapped);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string DropPunctuation(string text) =>
        new string(text.Replace("&", "and", StringComparison.Ordinal).Where(c => !char.IsPunctuation(c)).ToArray()).Replace("  ", " ", StringComparison.Ordinal).Trim();

    /// <summary>"Ada Rossi" as "Rossi, Ada"; bands stay as they are.</summary>
    public static string LastFirst(string name)
    {
        var parts = name.Split(' ');
        return parts.Length == 2 && !name.StartsWith("The ", StringComparison.Ordinal) ? $"{parts[1]}, {parts[0]}" : name;
    }

    public static string Duration(Prng random, int seconds) => random.Next(6) switch
    {
        0 => seconds.ToString(CultureInfo.InvariantCulture),
        1 => (seconds * 1000).ToString(CultureInfo.InvariantCulture),
        2 => $"PT{seconds / 60}M{seconds % 60}S",
        3 => (seconds / 60.0).ToString("0.00", CultureInfo.InvariantCulture),
        _ => $"{seconds / 60}:{seconds % 60:00}",
    };

    public static string Year(Prng random, int year) => random.Next(5) switch
    {
        0 => (year % 100).ToString("00", CultureInfo.InvariantCulture),
        1 => $"{year}-{random.Next(1, 13):00}-{random.Next(1, 29):00}",
        _ => year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Replaces one character with another of the same kind, so the code still looks plausible.</summary>
    public static string CorruptOne(Prng random, string code, int from)
    {
        var at = random.Next(from, code.Length);
        var c = code[at];
        var replacement = char.IsAsciiDigit(c) ? (char)('0' + ((c - '0' + random.Next(1, 10)) % 10)) : (char)('A' + ((c - 'A' + random.Next(1, 26)) % 26));
        return string.Concat(code.AsSpan(0, at), replacement.ToString(), code.AsSpan(at + 1));
    }
}
