using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Account;
using DisclosurePortal.Web.Features.Responses;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Review;

public sealed record MatchedRow(long CandidateId, int LineNumber, string FileName, string? ListedTitle, string? ListedArtist, string? ListedIsrc,
    string CatalogIdentifier, string CatalogTitle, string? CatalogArtist, MatchTier Tier, double Score, string Reasons);

public sealed record MatchPage(IReadOnlyList<MatchedRow> Items, int TotalCount);

/// <summary>The company a reviewer opened, and its due time on the newest request it received (if any).</summary>
public sealed record ReviewedCompany(string Name, DateTimeOffset? DueAt);

/// <summary>One of a company's uploads as a reviewer follows it: its counts and where its processing stands.</summary>
public sealed record ReviewedUpload(int Id, string FileName, DateTimeOffset UploadedAt, int RowsAccepted, int RowsRejected, int RowsMatched, long? MatchRunId, UploadProgress Progress);

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
        // The best candidate of each row, of the run each upload shows: a run still being written stays out of sight.
        var query = db.MatchCandidates.AsNoTracking()
            .Where(m => m.CompanyId == companyId && m.Rank == 1 && m.Tier != MatchTier.None && db.WorkListUploads.Any(u => u.MatchRunId == m.RunId));
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
                m.CatalogRecording!.Isrc ?? m.CatalogComposition!.Iswc ?? m.CatalogRelease!.Gtin,
                m.CatalogRecording.Title ?? m.CatalogComposition!.Title ?? m.CatalogRelease!.Title,
                m.CatalogRecording.Artist ?? m.CatalogRelease!.Artist,
                m.Tier,
                m.Score,
                m.Reasons))
            .ToListAsync(cancellationToken);
        return new MatchPage(items, total);
    }

    /// <summary>The company's uploads, newest first, with their processing stage.</summary>
    public async Task<IReadOnlyList<ReviewedUpload>> GetUploadsAsync(int companyId, CancellationToken cancellationToken = default)
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var uploads = await db.WorkListUploads.AsNoTracking()
            .Where(u => u.CompanyId == companyId)
            .Select(u => new { u.Id, u.FileName, u.UploadedAt, u.Status, u.RefusalReason, u.RowsAccepted, u.RowsRejected, u.RowsMatched, u.MatchRunId })
            .ToListAsync(cancellationToken);
        var jobs = await UploadProcessing.LatestJobsAsync(db, uploads.Select(u => u.Id).ToList(), cancellationToken);
        return uploads
            .Select(u => new ReviewedUpload(u.Id, u.FileName, u.UploadedAt, u.RowsAccepted, u.RowsRejected, u.RowsMatched, u.MatchRunId, UploadProcessing.ProgressOf(jobs, u.Id, u.Status, u.RefusalReason)))
            .OrderByDescending(u => u.UploadedAt)
            .ThenByDescending(u => u.Id)
            .ToList();
    }
}
