using System.Linq.Expressions;
using DisclosurePortal.Core.Companies;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Companies;

/// <summary>Which of a request's companies a list shows: a status, and a name to search for.</summary>
public sealed record CompanyFilter(CompanyStatus? Status = null, string? Search = null)
{
    public static CompanyFilter None { get; } = new();
}

public sealed record CompanyListRow(
    int CompanyId, int ResponseId, string Name, string? LegalEntity, string? Country, int Contacts, string? FirstContact,
    CompanyStatus Status, DateTimeOffset DueAt, DateTimeOffset? LastActivityAt, int Uploads, int RowsAccepted, int RowsMatched, int RowsConfirmed);

public sealed record CompanyListPage(IReadOnlyList<CompanyListRow> Items, int Total);

/// <summary>How the list is ordered: the grid's column names.</summary>
public enum CompanyOrder
{
    Name,
    Status,
    DueAt,
    LastActivityAt,
}

/// <summary>
/// A request's companies for staff, a page at a time from the database: status computed there (one definition,
/// <see cref="CompanyStatusRules"/>), filtered, searched, counted per status and sorted on the server.
/// </summary>
public sealed class RequestCompanyList(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session, TimeProvider clock)
{
    public async Task<CompanyListPage> PageAsync(int requestId, CompanyFilter filter, int page, int pageSize, CompanyOrder order, bool descending, CancellationToken cancellationToken = default)
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, requestId, filter, clock.GetUtcNow());
        var total = await query.CountAsync(cancellationToken);
        var sorted = (order, descending) switch
        {
            (CompanyOrder.Status, false) => query.OrderBy(r => r.Status).ThenBy(r => r.Response.Company!.Name),
            (CompanyOrder.Status, true) => query.OrderByDescending(r => r.Status).ThenBy(r => r.Response.Company!.Name),
            (CompanyOrder.DueAt, false) => query.OrderBy(r => r.Response.ExtendedDeadline ?? r.Response.Request!.Deadline).ThenBy(r => r.Response.Company!.Name),
            (CompanyOrder.DueAt, true) => query.OrderByDescending(r => r.Response.ExtendedDeadline ?? r.Response.Request!.Deadline).ThenBy(r => r.Response.Company!.Name),
            (CompanyOrder.LastActivityAt, false) => query.OrderBy(r => r.Response.LastActivityAt).ThenBy(r => r.Response.Company!.Name),
            (CompanyOrder.LastActivityAt, true) => query.OrderByDescending(r => r.Response.LastActivityAt).ThenBy(r => r.Response.Company!.Name),
            (_, true) => query.OrderByDescending(r => r.Response.Company!.Name),
            _ => query.OrderBy(r => r.Response.Company!.Name),
        };
        var items = await sorted.ThenBy(r => r.Response.Id)
            .Skip(page * pageSize).Take(pageSize)
            .Select(r => new CompanyListRow(
                r.Response.CompanyId,
                r.Response.Id,
                r.Response.Company!.Name,
                r.Response.Company.LegalEntity,
                r.Response.Company.Country,
                db.CompanyContacts.Count(c => c.CompanyId == r.Response.CompanyId),
                db.CompanyContacts.Where(c => c.CompanyId == r.Response.CompanyId).OrderBy(c => c.Id).Select(c => c.Email).FirstOrDefault(),
                r.Status,
                r.Response.ExtendedDeadline ?? r.Response.Request!.Deadline,
                r.Response.LastActivityAt,
                db.WorkListUploads.Count(u => u.ResponseId == r.Response.Id),
                db.WorkListUploads.Where(u => u.ResponseId == r.Response.Id).Sum(u => u.RowsAccepted),
                db.WorkListUploads.Where(u => u.ResponseId == r.Response.Id).Sum(u => u.RowsMatched),
                db.MatchDecisions.Count(d => d.CompanyId == r.Response.CompanyId && d.RequestId == requestId && d.State == DecisionState.Confirmed)))
            .ToListAsync(cancellationToken);
        return new CompanyListPage(items, total);
    }

    /// <summary>How many of the request's companies are in each status (statuses with none are left out).</summary>
    public async Task<IReadOnlyDictionary<CompanyStatus, int>> CountsAsync(int requestId, CancellationToken cancellationToken = default)
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await Filtered(db, requestId, CompanyFilter.None, clock.GetUtcNow())
            .GroupBy(r => r.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    /// <summary>A request's responses with their status, narrowed by <paramref name="filter"/>; for the list and for bulk invitations.</summary>
    internal static IQueryable<StatusedResponse> Filtered(PortalDbContext db, int requestId, CompanyFilter filter, DateTimeOffset now)
    {
        var query = db.Responses.AsNoTracking().Where(r => r.RequestId == requestId);
        if (CompanyNames.Key(filter.Search) is { Length: > 0 } key)
        {
            query = query.Where(r => r.Company!.NormalizedName!.Contains(key));
        }

        var statused = query.Select(WithStatus(now));
        return filter.Status is { } status ? statused.Where(r => r.Status == status) : statused;
    }

    // r => new StatusedResponse { Response = r, Status = <CompanyStatusRules.Of(now)> }, so the database computes the status.
    private static Expression<Func<DisclosureResponse, StatusedResponse>> WithStatus(DateTimeOffset now)
    {
        var rule = CompanyStatusRules.Of(now);
        var response = rule.Parameters[0];
        return Expression.Lambda<Func<DisclosureResponse, StatusedResponse>>(
            Expression.MemberInit(
                Expression.New(typeof(StatusedResponse)),
                Expression.Bind(typeof(StatusedResponse).GetProperty(nameof(StatusedResponse.Response))!, response),
                Expression.Bind(typeof(StatusedResponse).GetProperty(nameof(StatusedResponse.Status))!, rule.Body)),
            response);
    }
}

/// <summary>A response and the status the database computed for it.</summary>
internal sealed class StatusedResponse
{
    public DisclosureResponse Response { get; init; } = null!;

    public CompanyStatus Status { get; init; }
}
