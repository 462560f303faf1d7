using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace DisclosurePortal.Web.Features.Responses;

public static class ResponseEndpoints
{
    /// <summary>A respondent's downloads: the rejected rows of one of its company's uploads (another company's: 404, logged).</summary>
    public static IEndpointRouteBuilder MapResponseEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/response/uploads/{uploadId:int}/rejected.csv", async (int uploadId, HttpContext http, PortalSession session, RespondentWorkspace workspace) =>
        {
            session.UseRequestUser(http.User);
            try
            {
                var (fileName, rows) = await workspace.GetAllRejectedRowsAsync(uploadId);
                return CsvTable.Download($"{Path.GetFileNameWithoutExtension(fileName)}-rejected-rows.csv", ["line", "reason"],
                    rows.Select(r => (IReadOnlyList<object?>)[r.LineNumber, r.Reason]));
            }
            catch (KeyNotFoundException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization(new AuthorizeAttribute { Roles = PortalRoles.Respondent });
        return endpoints;
    }
}
