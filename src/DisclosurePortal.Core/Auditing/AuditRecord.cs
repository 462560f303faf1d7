namespace DisclosurePortal.Core.Auditing;

/// <summary>
/// One entry of the audit trail as the chain sees it: what happened, who did it, to what, and the state
/// before and after (JSON text, hashed exactly as stored). <see cref="Hash"/> covers all of it and the previous hash.
/// </summary>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset At,
    string ActorId,
    string ActorName,
    string Action,
    int? CompanyId,
    string EntityType,
    string EntityId,
    string? Before,
    string? After,
    string PreviousHash,
    string Hash);
