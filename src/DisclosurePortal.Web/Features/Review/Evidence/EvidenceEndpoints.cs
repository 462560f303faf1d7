using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Web.Features.Audit;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Review.Evidence;

public static class EvidenceEndpoints
{
    /// <summary>Evidence downloads for staff: <c>/review/evidence.csv?request=1&amp;company=2</c> (company optional), and the same as .xlsx.</summary>
    public static IEndpointRouteBuilder MapEvidenceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/review/evidence.csv", (int request, int? company, HttpContext http, PortalSession session, AuditTrail audit, IDbContextFactory<PortalDbContext> dbFactory) =>
            DownloadAsync(http, session, audit, dbFactory, new EvidenceScope(request, company), "csv"))
            .RequireAuthorization(new AuthorizeAttribute { Roles = PortalRoles.Staff });
        endpoints.MapGet("/review/evidence.xlsx", (int request, int? company, HttpContext http, PortalSession session, AuditTrail audit, IDbContextFactory<PortalDbContext> dbFactory) =>
            DownloadAsync(http, session, audit, dbFactory, new EvidenceScope(request, company), "xlsx"))
            .RequireAuthorization(new AuthorizeAttribute { Roles = PortalRoles.Staff });
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, PortalSession session, AuditTrail audit, IDbContextFactory<PortalDbContext> dbFactory, EvidenceScope scope, string format)
    {
        session.UseRequestUser(http.User);
        var name = $"evidence-request-{scope.RequestId}{(scope.CompanyId is { } c ? $"-company-{c}" : "")}.{format}";
        // Who took the evidence out, and of what, is itself evidence: recorded before the first byte goes.
        await audit.RecordAloneAsync(AuditActions.EvidenceExported, new AuditSubject(nameof(DisclosureRequest), scope.RequestId.ToString(System.Globalization.CultureInfo.InvariantCulture)), scope.CompanyId,
            after: new { Format = format, scope.CompanyId }, http.RequestAborted);
        var type = format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        return Results.Stream(async stream => await WriteAsync(stream, dbFactory, scope, format, http.RequestAborted), type, name);
    }

    public static async Task WriteAsync(Stream stream, IDbContextFactory<PortalDbContext> dbFactory, EvidenceScope scope, string format, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Cells(EvidenceExport.ReadAsync(db, scope, cancellationToken));
        if (format == "csv")
        {
            await EvidenceWriters.WriteCsvAsync(stream, EvidenceExport.Headers, rows, cancellationToken);
        }
        else
        {
            await EvidenceWriters.WriteXlsxAsync(stream, "Evidence", EvidenceExport.Headers, rows, cancellationToken);
        }
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Cells(IAsyncEnumerable<EvidenceRow> rows)
    {
        await foreach (var row in rows)
        {
            yield return EvidenceExport.Cells(row);
        }
    }
}
