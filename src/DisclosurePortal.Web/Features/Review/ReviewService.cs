using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Review;

public sealed record MatchedRow(long CandidateId, int LineNumber, string FileName, string? ListedTitle, string? ListedArtist, string? ListedIsrc,
    string CatalogIsrc, string CatalogTitle, string CatalogArtist, DisclosurePortal.Core.Matching.MatchTier Tier, double Score, string Reasons);

public sealed record MatchPage(IReadOnlyList<MatchedRow> Items, int TotalCount);

/// <summary>The company a reviewer opened, and its due time on the newest request it received (if any).</summary>
public sealed record ReviewedCompany(string Name, DateTimeOffset? DueAt);

/// <summary>The reviewer's read side: one company's matched rows, paged on the server.</summary>
public sealed class ReviewService(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session)
{
    public async Task<ReviewedCompany?> GetCompanyAsync(int companyId)
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var name = await db.Companies.Where(c => c.Id == companyId).Select(c => c.Name).SingleOrDefaultAsync();
        if (name is null)
        {
            return null;
        }

        var dueAt = await db.Responses.AsNoTracking()
            .Where(r => r.CompanyId == companyId)
            .OrderByDescending(r => r.RequestId)
            .Select(r => (DateTimeOffset?)(r.ExtendedDeadline ?? r.Request!.Deadline))
            .FirstOrDefaultAsync();
        return new ReviewedCompany(name, dueAt);
    }

    public async Task<MatchPage> GetMatchesAsync(int companyId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.MatchCandidates.AsNoTracking().Where(m => m.CompanyId == companyId);
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(m => m.Tier).ThenBy(m => m.EntryId)
            .Skip(page * pageSize).Take(pageSize)
            .Select(m => new MatchedRow(
                m.Id,
                m.Entry!.LineNumber,
                db.WorkListUploads.Where(u => u.Id == m.Entry.UploadId).Select(u => u.FileName).First(),
                m.Entry.Title,
                m.Entry.Artist,
                m.Entry.Isrc,
                m.CatalogRecording!.Isrc,
                m.CatalogRecording.Title,
                m.CatalogRecording.Artist,
                m.Tier,
                m.Score,
                m.Reasons))
            .ToListAsync(cancellationToken);
        return new MatchPage(items, total);
    }
}
