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
        endpoints.MapGet("/review/evidence.csv", (int request, int? company, HttpContext http, PortalSession session, IDbContextFactory<PortalDbContext> dbFactory) =>
            Download(http, session, dbFactory, new EvidenceScope(request, company), "csv"))
            .RequireAuthorization(new AuthorizeAttribute { Roles = PortalRoles.Staff });
        endpoints.MapGet("/review/evidence.xlsx", (int request, int? company, HttpContext http, PortalSession session, IDbContextFactory<PortalDbContext> dbFactory) =>
            Download(http, session, dbFactory, new EvidenceScope(request, company), "xlsx"))
            .RequireAuthorization(new AuthorizeAttribute { Roles = PortalRoles.Staff });
        return endpoints;
    }

    private static IResult Download(HttpContext http, PortalSession session, IDbContextFactory<PortalDbContext> dbFactory, EvidenceScope scope, string format)
    {
        session.UseRequestUser(http.User);
        var name = $"evidence-request-{scope.RequestId}{(scope.CompanyId is { } c ? $"-company-{c}" : "")}.{format}";
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
