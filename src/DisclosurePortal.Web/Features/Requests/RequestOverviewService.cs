using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Requests;

/// <summary>A request with its totals; the companies themselves are listed a page at a time (RequestCompanyList).</summary>
public sealed record RequestOverview(
    int Id, string Title, string LetterText, RequestState State, DateOnly ReservationDate, DateTimeOffset Deadline, DateTimeOffset? SentAt, bool IsDemo,
    int Companies, int CompaniesUploaded, int RowsAccepted, int RowsMatched);

/// <summary>Every request with how far its companies have got, counted by the database: the staff's overview.</summary>
public sealed class RequestOverviewService(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session)
{
    public async Task<IReadOnlyList<RequestOverview>> GetAsync()
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Requests.AsNoTracking()
            .OrderByDescending(r => r.Id)
            .Select(r => new RequestOverview(
                r.Id, r.Title, r.LetterText, r.State, r.ReservationDate, r.Deadline, r.SentAt, r.IsDemo,
                db.Responses.Count(p => p.RequestId == r.Id),
                db.Responses.Count(p => p.RequestId == r.Id && db.WorkListUploads.Any(u => u.ResponseId == p.Id)),
                db.WorkListUploads.Where(u => db.Responses.Any(p => p.Id == u.ResponseId && p.RequestId == r.Id)).Sum(u => u.RowsAccepted),
                db.WorkListUploads.Where(u => db.Responses.Any(p => p.Id == u.ResponseId && p.RequestId == r.Id)).Sum(u => u.RowsMatched)))
            .ToListAsync();
    }
}
