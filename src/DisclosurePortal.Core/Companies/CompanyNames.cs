using DisclosurePortal.Core.Matching;

namespace DisclosurePortal.Core.Companies;

/// <summary>
/// The key two spellings of one company share: the text normaliser's key (case, accents, punctuation, a leading
/// article) with the legal form dropped, so "Northwind AI Ltd." and "northwind ai" are the same recipient.
/// </summary>
public static class CompanyNames
{
    public const int MaxLength = 300;

    // Legal forms people add or leave out when they list a company; dropped only from the end of the name.
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "ltd", "limited", "inc", "incorporated", "llc", "llp", "lp", "plc", "corp", "corporation", "co", "company",
        "gmbh", "ag", "kg", "se", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "aps", "pte", "pty", "kk",
    };

    public static string Key(string? name)
    {
        var words = TextNormaliser.Key(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // "S.A." and "G.m.b.H." arrive as runs of single letters: read each run as one word.
        var joined = new List<string>(words.Length);
        var inLetterRun = false;
        foreach (var word in words)
        {
            var single = word.Length == 1 && char.IsLetter(word[0]);
            if (single && inLetterRun)
            {
                joined[^1] += word;
            }
            else
            {
                joined.Add(word);
            }

            inLetterRun = single;
        }

        var end = joined.Count;
        while (end > 1 && LegalForms.Contains(joined[end - 1]))
        {
            end--;
        }

        return string.Join(' ', joined.Take(end));
    }
}
