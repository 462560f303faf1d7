using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Auditing;

/// <summary>
/// Stages audit entries in a context and links them into the chain when it saves. An entry staged with a change
/// commits with that change or not at all.
/// </summary>
public static class AuditLog
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private static long staged;

    /// <summary>
    /// Adds an entry about <paramref name="entity"/> (a tracked or detached entity; its key is read at save time, so a
    /// new record works too) to <paramref name="db"/>. <paramref name="before"/> and <paramref name="after"/> are
    /// serialised as JSON: pass only the facts that changed, never a password, token or hash of one.
    /// </summary>
    public static AuditEntry Stage(PortalDbContext db, AuditActor actor, DateTimeOffset now, string action, object entity, int? companyId, object? before, object? after)
    {
        var order = Interlocked.Increment(ref staged);
        var entry = new AuditEntry
        {
            // A stand-in key, unique among staged entries, until the chain gives the entry its place.
            Sequence = -order,
            At = now,
            ActorId = Clip(actor.Id, AuditEntry.ActorIdLength),
            ActorName = Clip(actor.Name, AuditEntry.ActorNameLength),
            Action = action,
            CompanyId = companyId,
            EntityType = entity is AuditSubject subject ? subject.Type : entity.GetType().Name,
            EntityId = entity is AuditSubject named ? Clip(named.Id, AuditEntry.EntityIdLength) : string.Empty,
            Before = Json(before),
            After = Json(after),
            Subject = entity is AuditSubject ? null : entity,
            StagedOrder = order,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    public static string? Json(object? value) => value switch
    {
        null => null,
        string text => JsonSerializer.Serialize(text, JsonOptions),
        _ => JsonSerializer.Serialize(value, value.GetType(), JsonOptions),
    };

    /// <summary>The entity's key, read once the database has given it one.</summary>
    internal static string KeyOf(PortalDbContext db, object entity)
    {
        var type = db.Model.FindEntityType(entity.GetType())
            ?? throw new InvalidOperationException($"{entity.GetType().Name} is not an entity; record it with an AuditSubject.");
        var entry = db.Entry(entity);
        var key = type.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture));
        return Clip(string.Join(",", key), AuditEntry.EntityIdLength);
    }

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..length];
}

/// <summary>Names what an entry is about when it is not an entity of the context (a sign-in attempt, an import file).</summary>
public sealed record AuditSubject(string Type, string Id);
