using DisclosurePortal.Core.Tables;

namespace DisclosurePortal.Core.Catalog;

/// <summary>The fields a catalog file can carry. Which ones a file needs depends on its <see cref="CatalogKind"/>.</summary>
public enum CatalogField
{
    /// <summary>The label's own id for the row's item (recording_id, composition_id, release_id).</summary>
    SourceId,
    Isrc,
    Iswc,
    Gtin,
    Title,
    Version,
    Artist,
    FeaturedArtists,
    DurationSeconds,
    Year,
    ReleaseDate,
    Label,
    CompositionSourceId,
    ReleaseSourceId,
    Writers,
    WriterIpiNameNumbers,
    WriterRoles,
    LyricFirstLine,
    ArtworkReference,
    TrackNumber,
    DiscNumber,
}

/// <summary>Maps a catalog file's header to fields by the names labels' systems use, with caller overrides.</summary>
public static class CatalogColumns
{
    // Compared after lower-casing and dropping everything but letters and digits.
    private static readonly Dictionary<string, CatalogField> Shared = new(StringComparer.Ordinal)
    {
        ["isrc"] = CatalogField.Isrc, ["isrccode"] = CatalogField.Isrc, ["recordingisrc"] = CatalogField.Isrc,
        ["iswc"] = CatalogField.Iswc, ["iswccode"] = CatalogField.Iswc, ["workiswc"] = CatalogField.Iswc,
        ["upc"] = CatalogField.Gtin, ["ean"] = CatalogField.Gtin, ["ean13"] = CatalogField.Gtin,
        ["upca"] = CatalogField.Gtin, ["gtin"] = CatalogField.Gtin, ["barcode"] = CatalogField.Gtin, ["productcode"] = CatalogField.Gtin,
        ["upccode"] = CatalogField.Gtin, ["eancode"] = CatalogField.Gtin, ["upcean"] = CatalogField.Gtin, ["releaseupc"] = CatalogField.Gtin,
        ["title"] = CatalogField.Title, ["songtitle"] = CatalogField.Title, ["tracktitle"] = CatalogField.Title,
        ["trackname"] = CatalogField.Title, ["track"] = CatalogField.Title, ["song"] = CatalogField.Title, ["songname"] = CatalogField.Title,
        ["worktitle"] = CatalogField.Title, ["recordingtitle"] = CatalogField.Title, ["releasetitle"] = CatalogField.Title,
        ["albumtitle"] = CatalogField.Title, ["album"] = CatalogField.Title, ["name"] = CatalogField.Title,
        ["version"] = CatalogField.Version, ["subtitle"] = CatalogField.Version, ["versiontitle"] = CatalogField.Version, ["mixname"] = CatalogField.Version,
        ["artist"] = CatalogField.Artist, ["artistname"] = CatalogField.Artist, ["mainartist"] = CatalogField.Artist,
        ["primaryartist"] = CatalogField.Artist, ["displayartist"] = CatalogField.Artist, ["performer"] = CatalogField.Artist, ["band"] = CatalogField.Artist,
        ["featuredartists"] = CatalogField.FeaturedArtists, ["featuredartist"] = CatalogField.FeaturedArtists, ["featuring"] = CatalogField.FeaturedArtists,
        ["duration"] = CatalogField.DurationSeconds, ["durationseconds"] = CatalogField.DurationSeconds, ["length"] = CatalogField.DurationSeconds,
        ["year"] = CatalogField.Year, ["releaseyear"] = CatalogField.Year, ["pyear"] = CatalogField.Year,
        ["releasedate"] = CatalogField.ReleaseDate, ["date"] = CatalogField.ReleaseDate, ["originalreleasedate"] = CatalogField.ReleaseDate,
        ["label"] = CatalogField.Label, ["labelname"] = CatalogField.Label, ["imprint"] = CatalogField.Label,
        ["writers"] = CatalogField.Writers, ["writer"] = CatalogField.Writers, ["songwriters"] = CatalogField.Writers, ["composers"] = CatalogField.Writers,
        ["writeripinamenumbers"] = CatalogField.WriterIpiNameNumbers, ["writeripis"] = CatalogField.WriterIpiNameNumbers,
        ["ipinamenumbers"] = CatalogField.WriterIpiNameNumbers, ["ipi"] = CatalogField.WriterIpiNameNumbers, ["writeripi"] = CatalogField.WriterIpiNameNumbers,
        ["writerroles"] = CatalogField.WriterRoles, ["roles"] = CatalogField.WriterRoles,
        ["lyricfirstline"] = CatalogField.LyricFirstLine, ["firstline"] = CatalogField.LyricFirstLine, ["firstlyricline"] = CatalogField.LyricFirstLine,
        ["artwork"] = CatalogField.ArtworkReference, ["artworkurl"] = CatalogField.ArtworkReference, ["coverart"] = CatalogField.ArtworkReference,
        ["artworkfile"] = CatalogField.ArtworkReference,
    };

    // The same id header means the row's own id in one kind of file and a link in another.
    private static readonly Dictionary<CatalogKind, Dictionary<string, CatalogField>> ByKind = new()
    {
        [CatalogKind.Recordings] = new(StringComparer.Ordinal)
        {
            ["recordingid"] = CatalogField.SourceId, ["trackid"] = CatalogField.SourceId, ["id"] = CatalogField.SourceId,
            ["compositionid"] = CatalogField.CompositionSourceId, ["workid"] = CatalogField.CompositionSourceId,
            ["releaseid"] = CatalogField.ReleaseSourceId, ["productid"] = CatalogField.ReleaseSourceId,
            ["tracknumber"] = CatalogField.TrackNumber, ["trackno"] = CatalogField.TrackNumber, ["position"] = CatalogField.TrackNumber,
            ["discnumber"] = CatalogField.DiscNumber, ["discno"] = CatalogField.DiscNumber, ["disc"] = CatalogField.DiscNumber, ["volume"] = CatalogField.DiscNumber,
        },
        [CatalogKind.Compositions] = new(StringComparer.Ordinal)
        {
            ["compositionid"] = CatalogField.SourceId, ["workid"] = CatalogField.SourceId, ["songid"] = CatalogField.SourceId, ["id"] = CatalogField.SourceId,
        },
        [CatalogKind.Releases] = new(StringComparer.Ordinal)
        {
            ["releaseid"] = CatalogField.SourceId, ["productid"] = CatalogField.SourceId, ["albumid"] = CatalogField.SourceId, ["id"] = CatalogField.SourceId,
        },
    };

    /// <summary>
    /// Maps each recognised field to its column index; the first matching column wins. An override names the
    /// header to use for a field (compared ignoring case) and replaces whatever the synonyms chose; an empty
    /// header means the field is not read from this file at all.
    /// </summary>
    public static Dictionary<CatalogField, int> Map(
        IReadOnlyList<string> headers, CatalogKind kind, IReadOnlyDictionary<CatalogField, string>? overrides = null)
    {
        var mapping = new Dictionary<CatalogField, int>();
        var own = ByKind[kind];
        for (var i = 0; i < headers.Count; i++)
        {
            var compact = HeaderText.Compact(headers[i]);
            if (own.TryGetValue(compact, out var field) || Shared.TryGetValue(compact, out field))
            {
                mapping.TryAdd(field, i);
            }
        }

        foreach (var (field, header) in overrides ?? new Dictionary<CatalogField, string>())
        {
            if (string.IsNullOrWhiteSpace(header))
            {
                mapping.Remove(field);
                continue;
            }

            var index = headers.ToList().FindIndex(h => string.Equals(h.Trim(), header.Trim(), StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new CatalogFileException($"The column '{header}' chosen for {field} is not in the file.");
            }

            // A column serves one field: drop any synonym match that pointed at it.
            foreach (var other in mapping.Where(m => m.Value == index).Select(m => m.Key).ToList())
            {
                mapping.Remove(other);
            }

            mapping[field] = index;
        }

        return mapping;
    }

    /// <summary>The fields a file of <paramref name="kind"/> can carry, in the order a person would list them.</summary>
    public static IReadOnlyList<CatalogField> Fields(CatalogKind kind) => kind switch
    {
        CatalogKind.Recordings =>
        [
            CatalogField.Isrc, CatalogField.Title, CatalogField.Version, CatalogField.Artist, CatalogField.FeaturedArtists,
            CatalogField.DurationSeconds, CatalogField.Year, CatalogField.Label, CatalogField.SourceId,
            CatalogField.CompositionSourceId, CatalogField.ReleaseSourceId, CatalogField.TrackNumber, CatalogField.DiscNumber,
        ],
        CatalogKind.Compositions =>
        [
            CatalogField.Iswc, CatalogField.Title, CatalogField.Writers, CatalogField.WriterIpiNameNumbers, CatalogField.WriterRoles,
            CatalogField.LyricFirstLine, CatalogField.SourceId,
        ],
        CatalogKind.Releases =>
        [
            CatalogField.Gtin, CatalogField.Title, CatalogField.Artist, CatalogField.ReleaseDate, CatalogField.Year, CatalogField.Label,
            CatalogField.ArtworkReference, CatalogField.SourceId,
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The fields a file of <paramref name="kind"/> cannot do without.</summary>
    public static IReadOnlyList<CatalogField> Required(CatalogKind kind) => kind switch
    {
        CatalogKind.Recordings => [CatalogField.Isrc, CatalogField.Title, CatalogField.Artist],
        CatalogKind.Compositions => [CatalogField.Title],
        CatalogKind.Releases => [CatalogField.Gtin, CatalogField.Title],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The needed fields <paramref name="mapping"/> has no column for, in the order a person would fix them.</summary>
    public static IReadOnlyList<CatalogField> Missing(IReadOnlyDictionary<CatalogField, int> mapping, CatalogKind kind)
    {
        var missing = Required(kind).Where(f => !mapping.ContainsKey(f)).ToList();

        // A composition is identified by its ISWC or, lacking one, by the label's own id: a file needs one of the two.
        if (kind == CatalogKind.Compositions && !mapping.ContainsKey(CatalogField.Iswc) && !mapping.ContainsKey(CatalogField.SourceId))
        {
            missing.Add(CatalogField.Iswc);
        }

        return missing;
    }
}

/// <summary>The whole file was refused (empty, not text, needed columns missing); nothing from it was used.</summary>
public sealed class CatalogFileException(string message) : Exception(message);
