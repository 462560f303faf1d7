using System.Globalization;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Core.WorkLists;

namespace DisclosurePortal.Data.Entities;

public static class WorkListEntryIdentity
{
    /// <summary>Sets the row's identity and fingerprint from its own fields; a rejected row gets none (it is not part of the answer).</summary>
    public static WorkListEntry Stamp(this WorkListEntry entry)
    {
        var accepted = entry.RejectionReason is null;
        entry.RowKey = accepted ? WorkListRowIdentity.Key(entry.Isrc, entry.Title, entry.Artist, entry.Iswc, entry.Upc) : null;
        entry.RowFingerprint = entry.RowKey is null ? null : WorkListRowIdentity.Fingerprint(entry.Isrc, entry.Title, entry.Artist, Details(entry));
        return entry;
    }

    // Audio is the default kind: a row that says nothing more keeps its old fingerprint.
    private static string?[] Details(WorkListEntry e) =>
    [
        e.Album, e.Iswc, e.Upc, Number(e.DurationSeconds), Number(e.Year), e.AssetKind == AssetKind.Audio ? null : e.AssetKind.ToString(),
        e.Dataset, e.AccessMethod, Number(e.Copies), e.Retained, e.Purpose, e.Model,
    ];

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
