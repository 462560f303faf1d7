using DisclosurePortal.Core.WorkLists;

namespace DisclosurePortal.Data.Entities;

public static class WorkListEntryIdentity
{
    /// <summary>Sets the row's identity and fingerprint from its own fields; a rejected row gets none (it is not part of the answer).</summary>
    public static WorkListEntry Stamp(this WorkListEntry entry)
    {
        var accepted = entry.RejectionReason is null;
        entry.RowKey = accepted ? WorkListRowIdentity.Key(entry.Isrc, entry.Title, entry.Artist) : null;
        entry.RowFingerprint = entry.RowKey is null ? null : WorkListRowIdentity.Fingerprint(entry.Isrc, entry.Title, entry.Artist);
        return entry;
    }
}
