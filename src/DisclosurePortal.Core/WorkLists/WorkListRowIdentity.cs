using System.Security.Cryptography;
using System.Text;
using DisclosurePortal.Core.Identifiers;
using DisclosurePortal.Core.Matching;

namespace DisclosurePortal.Core.WorkLists;

/// <summary>
/// Which work a listed row names, and what it says about it, as two short hashes stored with the row, so two
/// versions of an answer compare in the database: equal <see cref="Key"/> is the same work (by ISRC, else by
/// normalised title and artist); equal key with another <see cref="Fingerprint"/> is a changed row.
/// </summary>
public static class WorkListRowIdentity
{
    /// <summary>Hex characters kept of each SHA-256 (128 bits): collisions are out of reach, indexes stay small.</summary>
    public const int HashLength = 32;

    /// <summary>The row's identity, or null when it names no work (no valid identifier, no title). ISRC first, then ISWC, then UPC/EAN.</summary>
    public static string? Key(string? isrc, string? title, string? artist, string? iswc = null, string? upc = null)
    {
        if (Isrc.TryParse(isrc, out var code))
        {
            return Hash($"isrc\u001f{code.Value}");
        }

        if (Iswc.TryParse(iswc, out var work))
        {
            return Hash($"iswc\u001f{work.Value}");
        }

        if (Gtin.TryParse(upc, out var release))
        {
            return Hash($"upc\u001f{release.Value}");
        }

        var titleKey = TextNormaliser.Key(title);
        return titleKey.Length == 0 ? null : Hash($"name\u001f{titleKey}\u001f{TextNormaliser.Key(artist)}");
    }

    /// <summary>
    /// What the row says, as written (trimmed): a corrected spelling, identifier, duration or usage changes it. The
    /// further <paramref name="details"/> (album, ISWC, UPC, duration, year, kind, usage) count only when one is given, so
    /// a row of title, artist and ISRC keeps the fingerprint it had before lists carried more.
    /// </summary>
    public static string Fingerprint(string? isrc, string? title, string? artist, params IReadOnlyList<string?> details)
    {
        var text = string.Join('\u001f', isrc?.Trim() ?? string.Empty, title?.Trim() ?? string.Empty, artist?.Trim() ?? string.Empty);
        if (details.Any(d => !string.IsNullOrWhiteSpace(d)))
        {
            text += "\u001e" + string.Join('\u001f', details.Select(d => d?.Trim() ?? string.Empty));
        }

        return Hash(text);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..HashLength];
}
