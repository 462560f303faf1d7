using DisclosurePortal.Core.Auditing;
using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DisclosurePortal.Data.Auditing;

/// <summary>
/// How <see cref="PortalDbContext"/> saves staged audit entries. In one transaction (the caller's, or its own):
/// the changes themselves are saved first, so new records have their keys; then the chain head is locked with an
/// UPDATE (a row lock on PostgreSQL and SQL Server, the write lock on SQLite), read, and advanced together with
/// the new entries. A second writer, in this process or another, waits at the lock and then links after the first.
/// </summary>
internal static class AuditChainAppend
{
    public static void RefuseRewrites(ChangeTracker tracker)
    {
        if (tracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only: they are never changed or deleted.");
        }
    }

    public static List<AuditEntry> Staged(ChangeTracker tracker) =>
        [.. tracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).OrderBy(e => e.StagedOrder)];

    public static async Task<int> SaveAsync(PortalDbContext db, List<AuditEntry> staged, Func<bool, Task<int>> save, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var ownTransaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        await using (ownTransaction)
        {
            foreach (var entry in staged)
            {
                db.Entry(entry).State = EntityState.Detached;
            }

            int written;
            try
            {
                written = await save(true);
                await LinkAsync(db, staged, cancellationToken);
            }
            catch
            {
                // Leave the context as the caller staged it, so a retry records the entries again.
                foreach (var entry in staged.Where(e => db.Entry(e).State == EntityState.Detached))
                {
                    db.AuditEntries.Add(entry);
                }

                throw;
            }

            written += await save(acceptAllChangesOnSuccess);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
    }

    private static async Task LinkAsync(PortalDbContext db, List<AuditEntry> staged, CancellationToken cancellationToken)
    {
        await db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingleId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence), cancellationToken);
        var head = db.AuditChainHeads.Local.FirstOrDefault(h => h.Id == AuditChainHead.SingleId);
        if (head is null)
        {
            head = await db.AuditChainHeads.SingleAsync(h => h.Id == AuditChainHead.SingleId, cancellationToken);
        }
        else
        {
            await db.Entry(head).ReloadAsync(cancellationToken);
        }

        foreach (var entry in staged)
        {
            if (entry.Subject is not null)
            {
                entry.EntityId = AuditLog.KeyOf(db, entry.Subject);
                entry.CompanyId ??= (entry.Subject as Company)?.Id; // a new company has its id only now
            }

            var linked = AuditChain.Link(entry.ToRecord() with { Sequence = head.LastSequence + 1 }, head.LastHash);
            entry.Sequence = linked.Sequence;
            entry.At = linked.At;
            entry.PreviousHash = linked.PreviousHash;
            entry.Hash = linked.Hash;
            head.LastSequence = linked.Sequence;
            head.LastHash = linked.Hash;
            db.AuditEntries.Add(entry);
        }
    }
}
