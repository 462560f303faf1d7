using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DisclosurePortal.Core.Auditing;

/// <summary>
/// The audit trail's hash chain: each entry's SHA-256 covers its own fields and the previous entry's hash, so
/// changing, removing or reordering any entry breaks every link after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string Genesis = "";

    /// <summary>
    /// Times are hashed (and should be stored) to whole milliseconds: every provider keeps that much exactly,
    /// so a time read back hashes as it was written.
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    /// <summary>
    /// The bytes that are hashed: every field in a fixed order as <c>name=length:value</c> lines (length in UTF-8
    /// bytes, <c>name=-</c> for null), so no value can run into the next and no two entries serialise alike.
    /// </summary>
    public static string Canonical(AuditRecord entry)
    {
        var text = new StringBuilder(256);
        Field(text, "sequence", entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, "at", Truncate(entry.At).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Field(text, "actor-id", entry.ActorId);
        Field(text, "actor", entry.ActorName);
        Field(text, "action", entry.Action);
        Field(text, "company", entry.CompanyId?.ToString(CultureInfo.InvariantCulture));
        Field(text, "entity-type", entry.EntityType);
        Field(text, "entity-id", entry.EntityId);
        Field(text, "before", entry.Before);
        Field(text, "after", entry.After);
        Field(text, "previous", entry.PreviousHash);
        return text.ToString();
    }

    /// <summary>The entry's hash as lower-case hex; <see cref="AuditRecord.Hash"/> is ignored.</summary>
    public static string ComputeHash(AuditRecord entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(entry))));

    /// <summary>Links <paramref name="entry"/> after an entry whose hash is <paramref name="previousHash"/>.</summary>
    public static AuditRecord Link(AuditRecord entry, string previousHash)
    {
        var linked = entry with { At = Truncate(entry.At), PreviousHash = previousHash, Hash = string.Empty };
        return linked with { Hash = ComputeHash(linked) };
    }

    private static void Field(StringBuilder text, string name, string? value)
    {
        text.Append(name).Append('=');
        if (value is null)
        {
            text.Append('-');
        }
        else
        {
            text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }

        text.Append('\n');
    }
}
