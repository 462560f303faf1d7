using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Requests;

public sealed record CompanyProgress(int CompanyId, int ResponseId, string CompanyName, string? Country, string? ContactEmail, ResponseStatus Status, DateTimeOffset DueAt, int Uploads, int RowsAccepted, int RowsMatched, DateTimeOffset? LastActivityAt);

public sealed record RequestOverview(int Id, string Title, string LetterText, RequestState State, DateOnly ReservationDate, DateTimeOffset Deadline, DateTimeOffset? SentAt, bool IsDemo, IReadOnlyList<CompanyProgress> Companies);

/// <summary>Requests with every recipient company and how far each has got: the staff's overview.</summary>
public sealed class RequestOverviewService(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session)
{
    public async Task<IReadOnlyList<RequestOverview>> GetAsync()
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var requests = await db.Requests.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync();
        var progress = await db.Responses.AsNoTracking()
            .Select(r => new
            {
                r.RequestId,
                Progress = new CompanyProgress(
                    r.CompanyId,
                    r.Id,
                    r.Company!.Name,
                    r.Company.Country,
                    r.Company.ContactEmail,
                    r.Status,
                    r.ExtendedDeadline ?? r.Request!.Deadline,
                    db.WorkListUploads.Count(u => u.ResponseId == r.Id),
                    db.WorkListUploads.Where(u => u.ResponseId == r.Id).Sum(u => u.RowsAccepted),
                    db.WorkListUploads.Where(u => u.ResponseId == r.Id).Sum(u => u.RowsMatched),
                    r.LastActivityAt),
            })
            .ToListAsync();
        return requests
            .Select(r => new RequestOverview(r.Id, r.Title, r.LetterText, r.State, r.ReservationDate, r.Deadline, r.SentAt, r.IsDemo,
                progress.Where(p => p.RequestId == r.Id).Select(p => p.Progress).OrderBy(p => p.CompanyName).ToList()))
            .ToList();
    }
}
