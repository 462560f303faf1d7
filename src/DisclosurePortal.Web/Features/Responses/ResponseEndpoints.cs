using System.Text;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using DisclosurePortal.Web.Features.Responses.Questionnaire;
using DisclosurePortal.Web.Features.Responses.Versions;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace DisclosurePortal.Web.Features.Responses;

public static class ResponseEndpoints
{
    /// <summary>
    /// Downloads of a response's receipts, attachments and rejected rows, for its company's respondents (receipts and
    /// attachments for staff too). Anything else, another company's id included, is the same 404 as an id that does
    /// not exist (and is logged).
    /// </summary>
    public static IEndpointRouteBuilder MapResponseEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/response/receipts/{versionId:int}", async (int versionId, HttpContext http, PortalSession session, ResponseVersionsService versions, CancellationToken cancellationToken) =>
        {
            session.UseRequestUser(http.User);
            var receipt = await versions.ReceiptAsync(versionId, cancellationToken);
            return receipt is null ? Results.NotFound() : Results.File(Encoding.UTF8.GetBytes(receipt.Text), "text/plain; charset=utf-8", receipt.FileName);
        }).RequireAuthorization();

        endpoints.MapGet("/response/attachments/{attachmentId:int}", async (int attachmentId, HttpContext http, PortalSession session, TrainingSummaryStore store, CancellationToken cancellationToken) =>
        {
            session.UseRequestUser(http.User);
            var attachment = await store.OpenAsync(attachmentId, cancellationToken);
            // Always a download, never rendered by the browser: an attached .html must not run on the portal's origin.
            return attachment is null ? Results.NotFound() : Results.File(attachment.Path, "application/octet-stream", attachment.FileName);
        }).RequireAuthorization();

        endpoints.MapGet("/response/uploads/{uploadId:int}/rejected.csv", async (int uploadId, HttpContext http, PortalSession session, RespondentWorkspace workspace) =>
        {
            session.UseRequestUser(http.User);
            try
            {
                var (fileName, rows) = await workspace.GetRowReportAsync(uploadId);
                return CsvTable.Download($"{Path.GetFileNameWithoutExtension(fileName)}-rejected-rows.csv", ["line", "outcome", "reason"],
                    rows.Select(r => (IReadOnlyList<object?>)[r.LineNumber, r.Outcome, r.Message]));
            }
            catch (KeyNotFoundException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization(new AuthorizeAttribute { Roles = PortalRoles.Respondent });
        return endpoints;
    }
}
