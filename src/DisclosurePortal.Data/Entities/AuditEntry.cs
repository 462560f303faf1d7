using DisclosurePortal.Core.Auditing;

namespace DisclosurePortal.Data.Entities;

/// <summary>
/// One entry of the tamper-evident audit trail. Append-only: the portal inserts entries and never updates or
/// deletes one (<see cref="PortalDbContext"/> refuses to). <see cref="Sequence"/> and the hashes are filled in
/// when the entry is saved, in the transaction of the change it records.
/// </summary>
public class AuditEntry
{
    public const int ActorIdLength = 450;
    public const int ActorNameLength = 256;
    public const int ActionLength = 64;
    public const int EntityTypeLength = 64;
    public const int EntityIdLength = 128;
    public const int HashLength = 64;

    /// <summary>1, 2, 3… without gaps: the entry's place in the chain, and its key.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The user's id, or <c>system</c> for background work and the command line.</summary>
    public string ActorId { get; set; } = string.Empty;

    /// <summary>The actor's display name (or e-mail address) as it was at the time.</summary>
    public string ActorName { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public int? CompanyId { get; set; }

    public string EntityType { get; set; } = string.Empty;

    public string EntityId { get; set; } = string.Empty;

    /// <summary>JSON of the changed facts before the action, hashed exactly as stored.</summary>
    public string? Before { get; set; }

    public string? After { get; set; }

    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;

    /// <summary>The entity recorded, until its key is known (a new record's id is given by the database).</summary>
    internal object? Subject { get; set; }

    /// <summary>Keeps entries staged in one unit of work in the order they were recorded.</summary>
    internal long StagedOrder { get; set; }

    public AuditRecord ToRecord() =>
        new(Sequence, At, ActorId, ActorName, Action, CompanyId, EntityType, EntityId, Before, After, PreviousHash, Hash);
}

/// <summary>
/// The chain's single head row: the last sequence written and its hash. Every append locks and advances it in the
/// same transaction, so writers in any number of portal processes append one after another, and the verifier
/// can tell entries deleted from the end.
/// </summary>
public class AuditChainHead
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    public long LastSequence { get; set; }

    public string LastHash { get; set; } = AuditChain.Genesis;
}
