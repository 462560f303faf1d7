using DisclosurePortal.Core.Auditing;
using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Auditing;

/// <summary>
/// Verifies the stored chain, page by page in sequence order, so memory stays flat however long the trail is.
/// Shared by the admin page and <c>portal verify-audit</c>.
/// </summary>
public static class AuditTrailCheck
{
    public const int DefaultPageSize = 2_000;

    /// <summary>Staff scope only: entries are staff-only, and a scope that saw none would report them all missing.</summary>
    /// <param name="progress">Called after each page with the number of entries checked so far.</param>
    public static async Task<AuditVerification> VerifyAsync(PortalDbContext db, int pageSize = DefaultPageSize, Action<long>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!db.Scope.IsStaff)
        {
            throw new InvalidOperationException("The audit trail is verified in a staff scope only.");
        }

        // The head first: entries appended while the check runs lie beyond it and are left for the next check.
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingleId, cancellationToken);
        var verifier = new AuditChainVerifier();
        var after = 0L;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > after && e.Sequence <= head.LastSequence)
                .OrderBy(e => e.Sequence)
                .Take(pageSize)
                .ToListAsync(cancellationToken);
            foreach (var entry in page)
            {
                if (!verifier.Add(entry.ToRecord()))
                {
                    return verifier.Finish(head.LastSequence, head.LastHash);
                }
            }

            progress?.Invoke(verifier.Checked);
            if (page.Count < pageSize)
            {
                return verifier.Finish(head.LastSequence, head.LastHash);
            }

            after = page[^1].Sequence;
        }
    }
}
