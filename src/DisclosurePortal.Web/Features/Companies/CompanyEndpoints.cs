using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Authorization;

namespace DisclosurePortal.Web.Features.Companies;

public static class CompanyEndpoints
{
    /// <summary>Downloads: a company import's row report, for admins (named by the report's random id).</summary>
    public static IEndpointRouteBuilder MapCompanyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/company-imports/{reportId:guid}/report.csv", (Guid reportId, CompanyImportService imports) =>
        {
            var path = imports.ReportPath(reportId);
            return File.Exists(path) ? Results.File(path, "text/csv; charset=utf-8", $"company-import-{reportId:N}.csv") : Results.NotFound();
        }).RequireAuthorization(new AuthorizeAttribute { Roles = PortalRoles.Admin });
        return endpoints;
    }
}
