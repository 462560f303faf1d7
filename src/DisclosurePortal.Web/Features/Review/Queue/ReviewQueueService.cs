using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Review.Queue;

/// <summary>The triage queue's read side: items paged, filtered and sorted in the database, and one item's detail.</summary>
public sealed class ReviewQueueService(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session, TimeProvider clock)
{
    public async Task<QueuePage> GetPageAsync(QueueFilter filter, QueueSort sort, bool descending, int page, int pageSize, int countAhead = CountAhead, CancellationToken cancellationToken = default)
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter, clock.GetUtcNow());
        // Counting a million rows costs more than reading a page: the pager counts only so far ahead of the page
        // (the total grows as one pages on); a bulk action still counts exactly (CountAsync) before it runs.
        var countLimit = ((page + 1) * pageSize) + countAhead;
        var total = await query.Take(countLimit).CountAsync(cancellationToken);
        var items = await Project(db, Sorted(query, sort, descending).Skip(page * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new QueuePage(items, total, total == countLimit);
    }

    /// <summary>Rows counted beyond the page asked for before the pager says "more than".</summary>
    public const int CountAhead = 10_000;

    public async Task<int> CountAsync(QueueFilter filter, CancellationToken cancellationToken = default)
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Filtered(db, filter, clock.GetUtcNow()).CountAsync(cancellationToken);
    }

    /// <summary>The companies and requests the filters offer, by name.</summary>
    public async Task<QueueChoices> GetChoicesAsync()
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var companies = await db.Companies.AsNoTracking().OrderBy(c => c.Name).Select(c => new QueueChoice(c.Id, c.Name)).ToListAsync();
        var requests = await db.Requests.AsNoTracking().Where(r => r.State != RequestState.Draft).OrderByDescending(r => r.Id).Select(r => new QueueChoice(r.Id, r.Title)).ToListAsync();
        return new QueueChoices(companies, requests);
    }

    /// <summary>The people holding items now, for the assignee filter.</summary>
    public async Task<IReadOnlyList<(string UserId, string Name)>> GetHoldersAsync()
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var holders = await db.MatchDecisions.AsNoTracking()
            .Where(d => d.ClaimedByUserId != null && d.ClaimedUntil > now)
            .Select(d => new { d.ClaimedByUserId, d.ClaimedBy }).Distinct().Take(50).ToListAsync();
        return holders.Select(h => (h.ClaimedByUserId!, h.ClaimedBy ?? h.ClaimedByUserId!)).ToList();
    }

    public async Task<QueueDetail?> GetDetailAsync(long id, CancellationToken cancellationToken = default)
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await Project(db, db.MatchDecisions.AsNoTracking().Where(d => d.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return null;
        }

        var run = await db.MatchDecisions.Where(d => d.Id == id).Select(d => d.RunId).SingleAsync(cancellationToken);
        var candidates = await db.MatchCandidates.AsNoTracking()
            .Where(c => c.RunId == run && c.EntryId == item.EntryId && c.Tier != MatchTier.None)
            .OrderBy(c => c.Rank)
            .Select(c => new QueueCandidate(
                c.Rank, c.Kind, (c.CatalogRecordingId ?? c.CatalogCompositionId ?? c.CatalogReleaseId)!.Value,
                c.CatalogRecording!.Isrc ?? c.CatalogComposition!.Iswc ?? c.CatalogRelease!.Gtin,
                c.CatalogRecording.Title ?? c.CatalogComposition!.Title ?? c.CatalogRelease!.Title,
                c.CatalogRecording.Artist ?? c.CatalogRelease!.Artist,
                c.Tier, c.Score, c.Reasons))
            .ToListAsync(cancellationToken);
        if (item is { ChosenKind: { } kind, ChosenCatalogId: { } chosenId } && !candidates.Any(c => c.Kind == kind && c.CatalogId == chosenId)
            && await LinkedEntryAsync(db, kind, chosenId, cancellationToken) is { } linked)
        {
            candidates.Insert(0, linked);
        }

        var history = await db.MatchDecisionChanges.AsNoTracking()
            .Where(c => c.DecisionId == id).OrderByDescending(c => c.Revision).Take(20)
            .Select(c => new QueueHistoryLine(c.ChangedAt, c.ChangedBy, c.State, c.Comment))
            .ToListAsync(cancellationToken);
        return new QueueDetail(item, candidates, history);
    }

    /// <summary>The queue's rows under a filter: the one definition the page, the count and the bulk actions share.</summary>
    internal static IQueryable<MatchDecision> Filtered(PortalDbContext db, QueueFilter filter, DateTimeOffset now)
    {
        var query = db.MatchDecisions.AsNoTracking();
        query = filter.Tab switch
        {
            QueueTab.Confirmed => query.Where(d => d.State == DecisionState.Confirmed),
            QueueTab.Rejected => query.Where(d => d.State == DecisionState.Rejected),
            QueueTab.Unmatched => query.Where(d => d.State == DecisionState.NeedsReview && d.Tier == MatchTier.None),
            _ => query.Where(d => d.State == DecisionState.NeedsReview && d.Tier != MatchTier.None),
        };
        if (filter.CompanyId is { } company)
        {
            query = query.Where(d => d.CompanyId == company);
        }

        if (filter.RequestId is { } request)
        {
            query = query.Where(d => d.RequestId == request);
        }

        if (filter.Tier is { } tier)
        {
            query = query.Where(d => d.Tier == tier);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(d => d.CandidateKind == kind);
        }

        if (filter.MinScore is { } min)
        {
            query = query.Where(d => d.Score >= min);
        }

        if (filter.MaxScore is { } max)
        {
            query = query.Where(d => d.Score <= max);
        }

        query = filter.Assignee switch
        {
            QueueAssignee.Anyone => query,
            QueueAssignee.Nobody => query.Where(d => d.ClaimedByUserId == null || d.ClaimedUntil <= now),
            var user => query.Where(d => (d.ClaimedByUserId == user && d.ClaimedUntil > now) || d.DecidedByUserId == user),
        };
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            // Lower-cased on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's is not.
            var pattern = "%" + filter.Text.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(d => EF.Functions.Like(d.Entry!.Title!.ToLower(), pattern, "\\") || EF.Functions.Like(d.Entry.Artist!.ToLower(), pattern, "\\")
                || EF.Functions.Like(d.Entry.Isrc!.ToLower(), pattern, "\\"));
        }

        return query;
    }

    // Ties break on the id in the sort's own direction: the indexes end in the row id, so the database walks one in order.
    internal static IQueryable<MatchDecision> Sorted(IQueryable<MatchDecision> query, QueueSort sort, bool descending) => (sort, descending) switch
    {
        (QueueSort.Score, false) => query.OrderBy(d => d.Score).ThenBy(d => d.Id),
        (QueueSort.Score, true) => query.OrderByDescending(d => d.Score).ThenByDescending(d => d.Id),
        (QueueSort.Company, false) => query.OrderBy(d => d.CompanyId).ThenBy(d => d.EntryId),
        (QueueSort.Company, true) => query.OrderByDescending(d => d.CompanyId).ThenBy(d => d.EntryId),
        (QueueSort.Line, false) => query.OrderBy(d => d.EntryId),
        (QueueSort.Line, true) => query.OrderByDescending(d => d.EntryId),
        (QueueSort.DecidedAt, false) => query.OrderBy(d => d.DecidedAt).ThenBy(d => d.Id),
        (QueueSort.DecidedAt, true) => query.OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id),
        (_, true) => query.OrderBy(d => d.Tier).ThenBy(d => d.Score).ThenBy(d => d.Id),
        _ => query.OrderByDescending(d => d.Tier).ThenByDescending(d => d.Score).ThenByDescending(d => d.Id),
    };

    private static IQueryable<QueueItem> Project(PortalDbContext db, IQueryable<MatchDecision> query) => query.Select(d => new QueueItem(
        d.Id, d.EntryId, d.Revision, d.State, d.CompanyId,
        db.Companies.Where(c => c.Id == d.CompanyId).Select(c => c.Name).First(),
        db.WorkListUploads.Where(u => u.Id == d.UploadId).Select(u => u.FileName).First(),
        d.Entry!.LineNumber, d.Entry.Title, d.Entry.Artist, d.Entry.Isrc, d.Tier, d.Score, d.CandidateKind,
        d.ClaimedByUserId, d.ClaimedBy, d.ClaimedUntil, d.DecidedBy, d.DecidedAt, d.Comment, d.ChosenKind, d.ChosenCatalogId));

    private static async Task<QueueCandidate?> LinkedEntryAsync(PortalDbContext db, CatalogKind kind, long id, CancellationToken cancellationToken) => kind switch
    {
        CatalogKind.Recordings => await db.CatalogRecordings.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new QueueCandidate(0, kind, id, r.Isrc, r.Title, r.Artist, MatchTier.None, 0, "linked by hand")).SingleOrDefaultAsync(cancellationToken),
        CatalogKind.Compositions => await db.CatalogCompositions.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new QueueCandidate(0, kind, id, c.Iswc ?? "", c.Title, null, MatchTier.None, 0, "linked by hand")).SingleOrDefaultAsync(cancellationToken),
        _ => await db.CatalogReleases.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new QueueCandidate(0, kind, id, r.Gtin, r.Title, r.Artist, MatchTier.None, 0, "linked by hand")).SingleOrDefaultAsync(cancellationToken),
    };
}
