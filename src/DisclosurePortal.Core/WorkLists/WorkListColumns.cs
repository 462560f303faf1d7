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

    // How the work was used, as far as the list says.
    Dataset,
    AccessMethod,
    Copies,
    Retained,
    Purpose,
    Model,
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
        ["dataset"] = WorkListField.Dataset,
        ["datasetname"] = WorkListField.Dataset,
        ["datasource"] = WorkListField.Dataset,
        ["source"] = WorkListField.Dataset,
        ["corpus"] = WorkListField.Dataset,
        ["collection"] = WorkListField.Dataset,
        ["accessmethod"] = WorkListField.AccessMethod,
        ["access"] = WorkListField.AccessMethod,
        ["howaccessed"] = WorkListField.AccessMethod,
        ["acquisition"] = WorkListField.AccessMethod,
        ["collectionmethod"] = WorkListField.AccessMethod,
        ["copies"] = WorkListField.Copies,
        ["numberofcopies"] = WorkListField.Copies,
        ["copycount"] = WorkListField.Copies,
        ["retained"] = WorkListField.Retained,
        ["stillretained"] = WorkListField.Retained,
        ["retention"] = WorkListField.Retained,
        ["retaineduntil"] = WorkListField.Retained,
        ["keptuntil"] = WorkListField.Retained,
        ["purpose"] = WorkListField.Purpose,
        ["usage"] = WorkListField.Purpose,
        ["use"] = WorkListField.Purpose,
        ["usedfor"] = WorkListField.Purpose,
        ["trainingpurpose"] = WorkListField.Purpose,
        ["model"] = WorkListField.Model,
        ["models"] = WorkListField.Model,
        ["modelname"] = WorkListField.Model,
        ["aisystem"] = WorkListField.Model,
        ["aimodel"] = WorkListField.Model,
    };

    /// <summary>The fields a column can be mapped to, in the order the mapping step lists them.</summary>
    public static IReadOnlyList<WorkListField> Fields { get; } = Enum.GetValues<WorkListField>();

    /// <summary>The field's name for people, as the mapping step and the preview show it.</summary>
    public static string Label(WorkListField field) => field switch
    {
        WorkListField.Isrc => "ISRC",
        WorkListField.Iswc => "ISWC",
        WorkListField.Upc => "UPC / EAN",
        WorkListField.Album => "Album / release title",
        WorkListField.Year => "Year / release date",
        WorkListField.AssetKind => "Asset kind",
        WorkListField.RowId => "Your row id",
        WorkListField.AccessMethod => "Access method",
        WorkListField.Copies => "Number of copies",
        WorkListField.Retained => "Still retained / until",
        _ => field.ToString(),
    };

    /// <summary>
    /// Why a mapping cannot be used, or null: a row must be findable by an identifier or by its title, and a field
    /// can only come from one column.
    /// </summary>
    public static string? Problem(IReadOnlyDictionary<WorkListField, int> mapping, IReadOnlyList<string> headers)
    {
        if (!mapping.ContainsKey(WorkListField.Isrc) && !mapping.ContainsKey(WorkListField.Iswc) && !mapping.ContainsKey(WorkListField.Upc)
            && !(mapping.ContainsKey(WorkListField.Title) && mapping.ContainsKey(WorkListField.Artist))
            && !(mapping.ContainsKey(WorkListField.Title) && mapping.ContainsKey(WorkListField.Album)))
        {
            return "The file needs an ISRC column, or a title column and an artist column (or an ISWC, UPC/EAN or album column) " +
                $"(for example 'ISRC', 'Title', 'Artist'). Columns found: {string.Join(", ", headers.Select(h => $"'{h}'"))}.";
        }

        return mapping.Values.Any(i => i < 0 || i >= headers.Count) ? "A chosen column is not in the file." : null;
    }

    /// <summary>Which header a mapping was made for: the same columns in the same order give the same key, whatever their case or punctuation.</summary>
    public static string HeaderKey(IReadOnlyList<string> headers) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f', headers.Select(HeaderText.Compact)))))[..32];

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
