using DisclosurePortal.Core.Tables;

namespace DisclosurePortal.Core.WorkLists;

/// <summary>The fields a work list can carry, and the header names companies use for them.</summary>
public enum WorkListField
{
    Title,
    Artist,
    Isrc,
    Album,
    Iswc,
    Upc,
    Duration,
    Year,
    AssetKind,

    /// <summary>The company's own number for the row, echoed back in results.</summary>
    RowId,
}

public static class WorkListColumns
{
    // Compared after lower-casing and dropping everything but letters and digits.
    private static readonly Dictionary<string, WorkListField> Synonyms = new(StringComparer.Ordinal)
    {
        ["title"] = WorkListField.Title,
        ["songtitle"] = WorkListField.Title,
        ["tracktitle"] = WorkListField.Title,
        ["trackname"] = WorkListField.Title,
        ["track"] = WorkListField.Title,
        ["song"] = WorkListField.Title,
        ["songname"] = WorkListField.Title,
        ["worktitle"] = WorkListField.Title,
        ["recordingtitle"] = WorkListField.Title,
        ["name"] = WorkListField.Title,
        ["artist"] = WorkListField.Artist,
        ["artists"] = WorkListField.Artist,
        ["artistname"] = WorkListField.Artist,
        ["mainartist"] = WorkListField.Artist,
        ["performer"] = WorkListField.Artist,
        ["performers"] = WorkListField.Artist,
        ["band"] = WorkListField.Artist,
        ["isrc"] = WorkListField.Isrc,
        ["isrccode"] = WorkListField.Isrc,
        ["isrcid"] = WorkListField.Isrc,
        ["recordingisrc"] = WorkListField.Isrc,
        ["album"] = WorkListField.Album,
        ["albumtitle"] = WorkListField.Album,
        ["albumname"] = WorkListField.Album,
        ["release"] = WorkListField.Album,
        ["releasetitle"] = WorkListField.Album,
        ["iswc"] = WorkListField.Iswc,
        ["iswccode"] = WorkListField.Iswc,
        ["workiswc"] = WorkListField.Iswc,
        ["upc"] = WorkListField.Upc,
        ["ean"] = WorkListField.Upc,
        ["upcean"] = WorkListField.Upc,
        ["ean13"] = WorkListField.Upc,
        ["upca"] = WorkListField.Upc,
        ["gtin"] = WorkListField.Upc,
        ["barcode"] = WorkListField.Upc,
        ["releaseupc"] = WorkListField.Upc,
        ["duration"] = WorkListField.Duration,
        ["durationseconds"] = WorkListField.Duration,
        ["durationms"] = WorkListField.Duration,
        ["length"] = WorkListField.Duration,
        ["tracklength"] = WorkListField.Duration,
        ["runtime"] = WorkListField.Duration,
        ["time"] = WorkListField.Duration,
        ["year"] = WorkListField.Year,
        ["releaseyear"] = WorkListField.Year,
        ["released"] = WorkListField.Year,
        ["releasedate"] = WorkListField.Year,
        ["date"] = WorkListField.Year,
        ["assetkind"] = WorkListField.AssetKind,
        ["asset"] = WorkListField.AssetKind,
        ["assettype"] = WorkListField.AssetKind,
        ["contenttype"] = WorkListField.AssetKind,
        ["mediatype"] = WorkListField.AssetKind,
        ["kind"] = WorkListField.AssetKind,
        ["type"] = WorkListField.AssetKind,
        ["row"] = WorkListField.RowId,
        ["rowid"] = WorkListField.RowId,
        ["rownumber"] = WorkListField.RowId,
        ["id"] = WorkListField.RowId,
        ["ref"] = WorkListField.RowId,
    };

    /// <summary>Maps each recognised field to its column index; the first matching column wins.</summary>
    public static IReadOnlyDictionary<WorkListField, int> Suggest(IReadOnlyList<string> headers)
    {
        var mapping = new Dictionary<WorkListField, int>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (Synonyms.TryGetValue(HeaderText.Compact(headers[i]), out var field))
            {
                mapping.TryAdd(field, i);
            }
        }

        return mapping;
    }
}
