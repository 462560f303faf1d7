using DisclosurePortal.Data;
using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Audit;

/// <summary>
/// What features call to record a state change: the entry is staged in the caller's context and commits with
/// the change (same SaveChanges, same transaction). The actor is the signed-in user, or "system" where there is
/// none (background jobs). Before/after hold the facts that changed — never a password, token or its hash.
/// </summary>
public sealed class AuditTrail(PortalSession session, TimeProvider clock, IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task RecordAsync(PortalDbContext db, string action, object entity, int? companyId, object? before = null, object? after = null) =>
        AuditLog.Stage(db, await ActorAsync(), clock.GetUtcNow(), action, entity, companyId, before, after);

    /// <summary>For an actor the session does not know yet or any more (sign-in, sign-out, accepting an invitation).</summary>
    public void RecordAs(PortalDbContext db, AuditActor actor, string action, object entity, int? companyId, object? before = null, object? after = null) =>
        AuditLog.Stage(db, actor, clock.GetUtcNow(), action, entity, companyId, before, after);

    /// <summary>Records an event that changes nothing else in the database (a sign-in attempt), in a unit of work of its own.</summary>
    public async Task RecordAloneAsync(AuditActor actor, string action, object entity, int? companyId, object? after = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        RecordAs(db, actor, action, entity, companyId, before: null, after);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An event of the signed-in user that changes nothing else (an export), in a unit of work of its own.</summary>
    public async Task RecordAloneAsync(string action, object entity, int? companyId, object? after = null, CancellationToken cancellationToken = default) =>
        await RecordAloneAsync(await ActorAsync(), action, entity, companyId, after, cancellationToken);

    public static AuditActor ActorOf(PortalUser user) => new(user.Id, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName);

    private async Task<AuditActor> ActorAsync() =>
        await session.FindAsync() is { } principal ? new AuditActor(principal.UserId, principal.DisplayName) : AuditActor.System;
}
