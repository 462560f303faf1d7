using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Authorization;

namespace DisclosurePortal.Web.Features.Catalog;

public static class CatalogEndpoints
{
    /// <summary>Downloads: the rejected rows of a catalog import, for staff (the file lists the label's own data).</summary>
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/catalog/imports/{versionId:long}/rejected.csv", (long versionId, CatalogImportJobs jobs) =>
        {
            var path = jobs.ReportPath(versionId);
            return File.Exists(path)
                ? Results.File(path, "text/csv; charset=utf-8", $"catalog-import-{versionId}-rejected-rows.csv")
                : Results.NotFound();
        }).RequireAuthorization(new AuthorizeAttribute { Roles = PortalRoles.Staff });
        return endpoints;
    }
}
