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

    /// <summary>The row's identity, or null when it names no work (no valid ISRC, no title).</summary>
    public static string? Key(string? isrc, string? title, string? artist)
    {
        if (Isrc.TryParse(isrc, out var code))
        {
            return Hash($"isrc\u001f{code.Value}");
        }

        var titleKey = TextNormaliser.Key(title);
        return titleKey.Length == 0 ? null : Hash($"name\u001f{titleKey}\u001f{TextNormaliser.Key(artist)}");
    }

    /// <summary>What the row says, as written (trimmed): a corrected spelling or ISRC changes it.</summary>
    public static string Fingerprint(string? isrc, string? title, string? artist) =>
        Hash(string.Join('\u001f', isrc?.Trim() ?? string.Empty, title?.Trim() ?? string.Empty, artist?.Trim() ?? string.Empty));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..HashLength];
}
