using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Responses;

/// <summary>A response as the answer pages need it: whose, to what, due when, how far.</summary>
public sealed record ResponseHeader(
    int ResponseId,
    int CompanyId,
    string CompanyName,
    string RequestTitle,
    RequestState RequestState,
    DateOnly ReservationDate,
    DateTimeOffset DueAt,
    bool RefuseLateSubmissions,
    ResponseStatus Status,
    int SubmittedVersions,
    DateTimeOffset? LastSubmittedAt,
    ExtensionStatus ExtensionStatus)
{
    public bool IsClosed => RequestState == RequestState.Closed;
}

/// <summary>
/// Finds the response a page works on: for a respondent the company's current one (newest due time first, as on the
/// home page), for staff any by id. A response outside the caller's company is "not found", and the attempt is logged.
/// </summary>
public sealed class ResponseLookup(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session, ILogger<ResponseLookup> logger)
{
    /// <summary>
    /// The signed-in respondent's current response, or null when the company has no request to answer, or when
    /// the user answers for no company (staff, or a respondent account not yet tied to one): the layout asks for
    /// every page, and such a user simply has no deadline to show.
    /// </summary>
    public async Task<ResponseHeader?> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (await session.GetAsync() is not { IsRespondent: true, CompanyId: { } companyId })
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var headers = await Headers(db.Responses.Where(r => r.CompanyId == companyId && r.Request!.State != RequestState.Draft)).ToListAsync(cancellationToken);
        return headers.OrderByDescending(h => h.DueAt).FirstOrDefault();
    }

    /// <summary>A response by id for whoever may see it: staff, or a respondent of its company. Null otherwise.</summary>
    public async Task<ResponseHeader?> FindAsync(int responseId, CancellationToken cancellationToken = default)
    {
        var principal = await session.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var header = await Headers(db.Responses.Where(r => r.Id == responseId && r.Request!.State != RequestState.Draft)).SingleOrDefaultAsync(cancellationToken);
        if (header is null || (!principal.IsStaff && header.CompanyId != principal.CompanyId))
        {
            NotFound(principal, "response", responseId);
            return null;
        }

        return header;
    }

    /// <summary>Logs a look-up that found nothing the caller may see: a mistyped id, or an attempt on another company's record.</summary>
    public void NotFound(PortalPrincipal principal, string what, int id) =>
        logger.LogWarning("User {UserId} (company {CompanyId}) asked for {What} {Id}, which does not exist or is not theirs to see", principal.UserId, principal.CompanyId, what, id);

    private static IQueryable<ResponseHeader> Headers(IQueryable<DisclosureResponse> responses) =>
        responses.Select(r => new ResponseHeader(
            r.Id,
            r.CompanyId,
            r.Company!.Name,
            r.Request!.Title,
            r.Request.State,
            r.Request.ReservationDate,
            r.ExtendedDeadline ?? r.Request.Deadline,
            r.Request.RefuseLateSubmissions,
            r.Status,
            r.SubmittedVersions,
            r.LastSubmittedAt,
            r.ExtensionStatus));
}
