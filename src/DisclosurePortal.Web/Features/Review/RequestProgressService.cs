using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Review;

/// <summary>A request's progress for the board's charts: first answers by day, matches by tier, decisions by state.</summary>
public sealed record RequestProgress(
    IReadOnlyList<(DateOnly Day, int Answers)> AnswersByDay, IReadOnlyDictionary<MatchTier, int> MatchesByTier, IReadOnlyDictionary<DecisionState, int> ReviewByState);

public sealed class RequestProgressService(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session)
{
    public async Task<RequestProgress> GetAsync(int requestId, CancellationToken cancellationToken = default)
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One first version per company: a few hundred times at most, grouped by day here (SQLite stores them as numbers).
        var firsts = await db.ResponseVersions.AsNoTracking()
            .Where(v => v.Number == 1 && db.Responses.Any(r => r.Id == v.ResponseId && r.RequestId == requestId))
            .Select(v => v.SubmittedAt).ToListAsync(cancellationToken);
        var byDay = firsts.GroupBy(t => DateOnly.FromDateTime(t.UtcDateTime)).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        var tiers = await db.MatchDecisions.AsNoTracking().Where(d => d.RequestId == requestId)
            .GroupBy(d => d.Tier).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var states = await db.MatchDecisions.AsNoTracking().Where(d => d.RequestId == requestId && d.Tier != MatchTier.None)
            .GroupBy(d => d.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return new RequestProgress(byDay, tiers.ToDictionary(t => t.Key, t => t.Count), states.ToDictionary(s => s.Key, s => s.Count));
    }
}
