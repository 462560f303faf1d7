using DisclosurePortal.Core.Tables;

namespace DisclosurePortal.Core.WorkLists;

/// <summary>The fields a work list can carry, and the header names companies use for them.</summary>
public enum WorkListField
{
    Title,
    Artist,
    Isrc,
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
