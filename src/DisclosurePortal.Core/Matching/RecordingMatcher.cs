using DisclosurePortal.Core.Identifiers;

namespace DisclosurePortal.Core.Matching;

/// <summary>A catalog recording as the matcher needs it: its id and comparison keys.</summary>
public sealed record CatalogRecordingKey(long Id, string Isrc, string TitleKey, string ArtistKey);

/// <summary>The best catalog recording for a listed work, with the reason in words.</summary>
public sealed record RecordingMatch(long CatalogRecordingId, MatchTier Tier, double Score, string Reasons);

/// <summary>
/// First, simple reconciliation: a valid ISRC equal to a catalog recording's is exact;
/// otherwise title and artist equal after normalising is high. Anything else has no candidate.
/// </summary>
public sealed class RecordingMatcher
{
    private readonly Dictionary<string, long> byIsrc = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Title, string Artist), long> byTitleArtist = [];

    public RecordingMatcher(IEnumerable<CatalogRecordingKey> catalog)
    {
        foreach (var entry in catalog)
        {
            byIsrc.TryAdd(entry.Isrc, entry.Id);
            if (entry.TitleKey.Length > 0 && entry.ArtistKey.Length > 0)
            {
                byTitleArtist.TryAdd((entry.TitleKey, entry.ArtistKey), entry.Id);
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

        var titleKey = TextNormaliser.Key(title);
        var artistKey = TextNormaliser.Key(artist);
        if (titleKey.Length > 0 && artistKey.Length > 0 && byTitleArtist.TryGetValue((titleKey, artistKey), out id))
        {
            var reason = isrc is null ? "title and artist equal after normalising" : "title and artist equal after normalising; ISRC differs";
            return new RecordingMatch(id, MatchTier.High, 0.9, reason);
        }

        return null;
    }
}
