using System.Text;

namespace DisclosurePortal.Core.Matching;

/// <summary>
/// Cyrillic and Greek letters spelled in Latin, for comparison only: a store that lists "Ада Росси" for
/// "Ada Rossi" should still meet the catalog's spelling. Approximate on purpose (one common scheme).
/// </summary>
internal static class Transliteration
{
    private static readonly Dictionary<char, string> Letters = Build();

    public static bool Needed(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u0370' and <= '\u04FF')
            {
                return true;
            }
        }

        return false;
    }

    public static string ToLatin(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = char.ToLowerInvariant(text[i]);

            // "дж" is how a Latin "j" is written in Cyrillic.
            if (c == 'д' && i + 1 < text.Length && char.ToLowerInvariant(text[i + 1]) == 'ж')
            {
                builder.Append('j');
                i++;
                continue;
            }

            builder.Append(Letters.TryGetValue(c, out var latin) ? latin : text[i].ToString());
        }

        return builder.ToString();
    }

    private static Dictionary<char, string> Build()
    {
        const string cyrillic = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
        string[] cyrillicLatin =
        [
            "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "h", "ts",
            "ch", "sh", "sch", "", "y", "", "e", "yu", "ya",
        ];
        const string greek = "αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώ";
        string[] greekLatin =
        [
            "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o",
            "a", "e", "i", "i", "o", "y", "o",
        ];
        var letters = new Dictionary<char, string>();
        for (var i = 0; i < cyrillic.Length; i++)
        {
            letters[cyrillic[i]] = cyrillicLatin[i];
        }

        for (var i = 0; i < greek.Length; i++)
        {
            letters[greek[i]] = greekLatin[i];
        }

        letters['і'] = "i";
        letters['ї'] = "yi";
        letters['є'] = "ye";
        return letters;
    }
}
