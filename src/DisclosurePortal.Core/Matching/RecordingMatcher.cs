using DisclosurePortal.Core.Identifiers;

namespace DisclosurePortal.Core.Matching;

/// <summary>A catalog recording as the matcher needs it.</summary>
public sealed record CatalogRecordingKey(long Id, string Isrc, string Title, string Artist);

/// <summary>The best catalog recording for a listed work, with the reason in words.</summary>
public sealed record RecordingMatch(long CatalogRecordingId, MatchTier Tier, double Score, string Reasons);

/// <summary>
/// First, simple reconciliation: a valid ISRC equal to a catalog recording's is exact; otherwise title and
/// artist equal after normalising — or equal once version qualifiers such as "Remastered 2011" are set
/// aside on either side — is high. Anything else has no candidate.
/// </summary>
public sealed class RecordingMatcher
{
    private readonly Dictionary<string, long> byIsrc = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Title, string Artist), long> byTitleArtist = [];
    private readonly Dictionary<(string Title, string Artist), long> byBaseTitleArtist = [];

    public RecordingMatcher(IEnumerable<CatalogRecordingKey> catalog)
    {
        foreach (var entry in catalog)
        {
            byIsrc.TryAdd(entry.Isrc, entry.Id);
            var artistKey = TextNormaliser.Key(entry.Artist);
            if (artistKey.Length == 0)
            {
                continue;
            }

            var titleKey = TextNormaliser.Key(entry.Title);
            if (titleKey.Length > 0)
            {
                byTitleArtist.TryAdd((titleKey, artistKey), entry.Id);
            }

            var baseKey = TitleParser.Parse(entry.Title).BaseKey;
            if (baseKey.Length > 0)
            {
                byBaseTitleArtist.TryAdd((baseKey, artistKey), entry.Id);
            }
        }
    }

    public int Count => byIsrc.Count;

    public RecordingMatch? Match(Isrc? isrc, string? title, string? artist)
    {
        if (isrc is { } code && byIsrc.TryGetValue(code.Value, out var id))
        {
            return new RecordingMatch(id, MatchTier.Exact, 1.0, "ISRC equal");
        }

        var isrcNote = isrc is null ? string.Empty : "; ISRC differs";
        var parts = TitleParser.Parse(title);
        var titleKey = TextNormaliser.Key(title);
        var baseKey = parts.BaseKey;
        foreach (var artistKey in ArtistKeys(artist, parts))
        {
            if (byTitleArtist.TryGetValue((titleKey, artistKey), out id))
            {
                return new RecordingMatch(id, MatchTier.High, 0.9, "title and artist equal after normalising" + isrcNote);
            }

            if (baseKey.Length > 0 && byBaseTitleArtist.TryGetValue((baseKey, artistKey), out id))
            {
                var reason = parts.Qualifiers.Count == 0
                    ? "title and artist equal after removing the catalog's version words"
                    : $"title and artist equal after removing '{string.Join("', '", parts.Qualifiers)}'";
                return new RecordingMatch(id, MatchTier.High, 0.85, reason + isrcNote);
            }
        }

        return null;
    }

    // The credit as written first, then its main artist alone ("A feat. B" is still A's recording).
    private static IEnumerable<string> ArtistKeys(string? artist, TitleParts parts)
    {
        var whole = TextNormaliser.Key(artist);
        if (whole.Length > 0)
        {
            yield return whole;
        }

        var names = TitleParser.SplitArtists(artist);
        if (names.Count > 1 || parts.Featured.Count > 0)
        {
            var main = TextNormaliser.Key(names.Count > 0 ? names[0] : null);
            if (main.Length > 0 && main != whole)
            {
                yield return main;
            }
        }
    }
}
