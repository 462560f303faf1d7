using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Web.Features.Audit;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Review.Queue;

/// <summary>
/// Every decision a reviewer writes goes through <see cref="WriteAsync"/>: one set-based UPDATE of the queue rows,
/// conditional on their revision and on nobody else holding them, and one INSERT…SELECT appending the history.
/// A single decision is that write on one row; a bulk action, on a filter or a selection.
/// </summary>
public sealed class ReviewDecisionService(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session, TimeProvider clock, AuditTrail audit)
{
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(30);

    private const string AppendHistory = """
        INSERT INTO "MatchDecisionChanges" ("DecisionId", "EntryId", "CompanyId", "State", "ChosenKind", "ChosenCatalogId", "ChangedByUserId", "ChangedBy", "ChangedAt", "Comment", "Revision")
        SELECT "Id", "EntryId", "CompanyId", "State", "ChosenKind", "ChosenCatalogId", "DecidedByUserId", "DecidedBy", "DecidedAt", "Comment", "Revision"
        FROM "MatchDecisions" WHERE "LastBatch" = {0}
        """;

    /// <summary>One item, against the revision the reviewer saw; a stale or held item is left as it is, with the reason.</summary>
    public async Task<DecisionResult> DecideAsync(DecisionRequest request, CancellationToken cancellationToken = default)
    {
        var reviewer = await RequireReviewerAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var current = await db.MatchDecisions.AsNoTracking().Where(d => d.Id == request.Id)
            .Select(d => new { d.Revision, d.ClaimedByUserId, d.ClaimedBy, d.ClaimedUntil, d.DecidedBy, d.Tier, d.CompanyId }).SingleOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return new DecisionResult(DecisionOutcome.NotFound, "This item is no longer in the queue.");
        }

        if (request.State == DecisionState.Confirmed && request.CatalogId is null && current.Tier == MatchTier.None)
        {
            return new DecisionResult(DecisionOutcome.NothingToConfirm, "There is no candidate to confirm: search the catalog and link an entry.");
        }

        var written = await WriteAsync(db, reviewer, db.MatchDecisions.Where(d => d.Id == request.Id && d.Revision == request.Revision), new DecisionWrite(request.State, request.Kind, request.CatalogId, request.Comment, current.CompanyId, $"item {request.Id}"), now, cancellationToken);
        if (written == 1)
        {
            return new DecisionResult(DecisionOutcome.Saved, "Saved.");
        }

        if (current.Revision != request.Revision)
        {
            return new DecisionResult(DecisionOutcome.Stale, $"{current.DecidedBy ?? "Another reviewer"} changed this item after you opened it. Nothing was overwritten: look at it again.");
        }

        return new DecisionResult(DecisionOutcome.HeldByOther, $"{current.ClaimedBy ?? "Another reviewer"} holds this item until {current.ClaimedUntil:HH:mm} UTC.");
    }

    /// <summary>Every item under the filter (not held by someone else); the number decided.</summary>
    public async Task<int> DecideAllAsync(QueueFilter filter, DecisionState state, string? comment = null, CancellationToken cancellationToken = default)
    {
        var reviewer = await RequireReviewerAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var ids = ReviewQueueService.Filtered(db, filter, now).Select(d => d.Id);
        return await WriteAsync(db, reviewer, db.MatchDecisions.Where(d => ids.Contains(d.Id)), new DecisionWrite(state, null, null, comment, filter.CompanyId, $"all under {filter}"), now, cancellationToken);
    }

    /// <summary>The selected items (not held by someone else); the number decided.</summary>
    public async Task<int> DecideSelectedAsync(IReadOnlyCollection<long> ids, DecisionState state, string? comment = null, CancellationToken cancellationToken = default)
    {
        var reviewer = await RequireReviewerAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await WriteAsync(db, reviewer, db.MatchDecisions.Where(d => ids.Contains(d.Id)), new DecisionWrite(state, null, null, comment, null, $"{ids.Count} selected"), clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>Takes the next <paramref name="count"/> items under the filter that nobody holds; the number taken.</summary>
    public async Task<int> ClaimNextAsync(QueueFilter filter, QueueSort sort, bool descending, int count, CancellationToken cancellationToken = default)
    {
        var reviewer = await RequireReviewerAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var free = ReviewQueueService.Filtered(db, filter with { Assignee = QueueAssignee.Nobody }, now);
        var ids = await ReviewQueueService.Sorted(free, sort, descending).Select(d => d.Id).Take(Math.Clamp(count, 1, 500)).ToListAsync(cancellationToken);
        var until = now + ClaimDuration;
        // The condition is repeated in the UPDATE: of two reviewers claiming at once, each item goes to one.
        return await db.MatchDecisions
            .Where(d => ids.Contains(d.Id) && (d.ClaimedByUserId == null || d.ClaimedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedByUserId, reviewer.UserId).SetProperty(d => d.ClaimedBy, reviewer.DisplayName).SetProperty(d => d.ClaimedUntil, until), cancellationToken);
    }

    /// <summary>Gives back every item this reviewer holds.</summary>
    public async Task<int> ReleaseMineAsync(CancellationToken cancellationToken = default)
    {
        var reviewer = await RequireReviewerAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MatchDecisions.Where(d => d.ClaimedByUserId == reviewer.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedByUserId, (string?)null).SetProperty(d => d.ClaimedBy, (string?)null).SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>
    /// The one place decisions are written (an audit append belongs here). A null <paramref name="state"/> keeps the
    /// state (a comment); confirming without a chosen entry takes the best candidate of the run the upload shows.
    /// </summary>
    private async Task<int> WriteAsync(PortalDbContext db, PortalPrincipal reviewer, IQueryable<MatchDecision> targets, DecisionWrite decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (state, kind, catalogId, comment) = (decision.State, decision.Kind, decision.CatalogId, decision.Comment);
        var batch = Guid.NewGuid();
        var userId = reviewer.UserId;
        var rows = targets.Where(d => d.ClaimedByUserId == null || d.ClaimedByUserId == userId || d.ClaimedUntil <= now);
        if (state == DecisionState.Confirmed && catalogId is null)
        {
            rows = rows.Where(d => d.Tier != MatchTier.None);
        }

        // The queue row names its run, so the best candidate is one lookup in the (RunId, EntryId, Rank) index.
        var best = db.MatchCandidates.Where(c => c.Rank == 1);
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()[..Math.Min(comment.Trim().Length, 2000)];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var written = await rows.ExecuteUpdateAsync(
            s =>
            {
                s.SetProperty(d => d.Revision, d => d.Revision + 1)
                    .SetProperty(d => d.LastBatch, batch)
                    .SetProperty(d => d.DecidedByUserId, userId)
                    .SetProperty(d => d.DecidedBy, reviewer.DisplayName)
                    .SetProperty(d => d.DecidedAt, now);
                if (text is not null || state is not null)
                {
                    s.SetProperty(d => d.Comment, text);
                }

                if (state is { } newState)
                {
                    s.SetProperty(d => d.State, newState);
                    if (newState != DecisionState.Confirmed)
                    {
                        s.SetProperty(d => d.ChosenKind, (CatalogKind?)null).SetProperty(d => d.ChosenCatalogId, (long?)null);
                    }
                    else if (catalogId is not null)
                    {
                        s.SetProperty(d => d.ChosenKind, kind).SetProperty(d => d.ChosenCatalogId, catalogId);
                    }
                    else
                    {
                        s.SetProperty(d => d.ChosenKind, d => best.Where(c => c.RunId == d.RunId && c.EntryId == d.EntryId).Select(c => (CatalogKind?)c.Kind).FirstOrDefault())
                            .SetProperty(d => d.ChosenCatalogId, d => best.Where(c => c.RunId == d.RunId && c.EntryId == d.EntryId).Select(c => c.CatalogRecordingId ?? c.CatalogCompositionId ?? c.CatalogReleaseId).FirstOrDefault());
                    }
                }
            },
            cancellationToken);
        if (written > 0)
        {
            await db.Database.ExecuteSqlRawAsync(AppendHistory, [batch], cancellationToken);
            // Deciding gives the item back; a separate UPDATE of the few held rows spares the bulk one the claim index.
            await db.MatchDecisions.Where(d => d.LastBatch == batch && d.ClaimedByUserId != null).ExecuteUpdateAsync(
                s => s.SetProperty(d => d.ClaimedByUserId, (string?)null).SetProperty(d => d.ClaimedBy, (string?)null).SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null),
                cancellationToken);

            // One entry per write, bulk or single: the items themselves are in the decision history under the batch.
            await audit.RecordAsync(db, AuditActions.MatchesDecided, new AuditSubject("MatchDecisionBatch", batch.ToString()), decision.CompanyId,
                after: new { decision.Scope, Items = written, State = state, ChosenKind = kind, ChosenCatalogId = catalogId, Comment = text });
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    private async Task<PortalPrincipal> RequireReviewerAsync()
    {
        var principal = await session.GetAsync();
        return principal.IsStaff ? principal : throw new UnauthorizedAccessException("Only label staff decide matches.");
    }

    /// <summary>What a write sets, and for the audit trail where it applies (the company when it is one) and to what.</summary>
    private sealed record DecisionWrite(DecisionState? State, CatalogKind? Kind, long? CatalogId, string? Comment, int? CompanyId, string Scope);
}
