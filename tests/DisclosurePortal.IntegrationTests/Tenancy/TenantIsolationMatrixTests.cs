using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using System.Globalization;
using System.Net;
using DisclosurePortal.IntegrationTests.Account;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DisclosurePortal.IntegrationTests.Tenancy;

/// <summary>
/// Every route of the portal, tried by the respondent of company B against company A's records: respondent pages
/// and downloads show B's own data and never A's (A's ids answer 404, like ids that do not exist, and the attempt
/// is logged); staff pages and downloads answer 403. A route the matrix does not list fails the test, so a new
/// page or endpoint must be placed in it.
/// </summary>
public sealed class TenantIsolationMatrixTests(TenancyPortal portal) : IClassFixture<TenancyPortal>
{
    private enum Access
    {
        /// <summary>A signed-in respondent's own page: B's data only.</summary>
        Respondent,

        /// <summary>A respondent's download of one of its records, named by id: A's id is "not found".</summary>
        RespondentDownload,

        /// <summary>Label staff only: 403 for a respondent.</summary>
        Staff,

        /// <summary>Open to anyone (sign-in, errors, invitation links): nothing of any company.</summary>
        Public,

        /// <summary>Not a page: sign-out takes a form post, health shows the database state, static files.</summary>
        NotAPage,
    }

    private static readonly Dictionary<string, Access> Matrix = new(StringComparer.Ordinal)
    {
        ["/"] = Access.Respondent,
        ["/response"] = Access.Respondent,
        ["/company/colleagues"] = Access.Respondent,
        ["/response/questionnaire"] = Access.Respondent,
        ["/response/submit"] = Access.Respondent,
        ["/response/versions"] = Access.Respondent,
        ["/response/versions/{Number:int}"] = Access.Respondent, // numbered within the company: "1" is B's own first version
        ["/response/extension"] = Access.Respondent,
        ["/account/manage"] = Access.Respondent,
        ["/account/manage/change-password"] = Access.Respondent,
        ["/account/manage/enable-authenticator"] = Access.Respondent,
        ["/account/manage/two-factor"] = Access.Respondent,
        ["/response/uploads/{uploadId:int}/rejected.csv"] = Access.RespondentDownload,
        ["/response/receipts/{versionId:int}"] = Access.RespondentDownload,
        ["/response/attachments/{attachmentId:int}"] = Access.RespondentDownload,
        ["/admin/extensions"] = Access.Staff,
        ["/admin/audit"] = Access.Staff,
        ["/review/responses/{ResponseId:int}"] = Access.Staff,
        ["/review/responses/{ResponseId:int}/versions/{Number:int}"] = Access.Staff,
        ["/admin/companies/{CompanyId:int}/access"] = Access.Staff,
        ["/admin/company-imports/{reportId:guid}/report.csv"] = Access.Staff,
        ["/admin/outbox"] = Access.Staff,
        ["/admin/send-log"] = Access.Staff,
        ["/admin/users"] = Access.Staff,
        ["/catalog"] = Access.Staff,
        ["/catalog/import"] = Access.Staff,
        ["/catalog/imports/{RunId:guid}"] = Access.Staff,
        ["/catalog/imports/{versionId:long}/rejected.csv"] = Access.Staff,
        ["/catalog/{KindSegment}/{Id:long}"] = Access.Staff,
        ["/companies/new"] = Access.Staff,
        ["/companies/{Id:int}"] = Access.Staff,
        ["/requests"] = Access.Staff,
        ["/requests/new"] = Access.Staff,
        ["/requests/{Id:int}/edit"] = Access.Staff,
        ["/requests/{RequestId:int}/companies"] = Access.Staff,
        ["/requests/{RequestId:int}/companies/import"] = Access.Staff,
        ["/requests/{RequestId:int}/messages"] = Access.Staff,
        ["/review"] = Access.Staff,
        ["/review/companies/{CompanyId:int}"] = Access.Staff,
        ["/review/queue"] = Access.Staff,
        ["/review/works"] = Access.Staff,
        ["/review/evidence.csv"] = Access.Staff,
        ["/review/evidence.xlsx"] = Access.Staff,
        ["/account/access-denied"] = Access.Public,
        ["/account/forgot-password"] = Access.Public,
        ["/account/forgot-password-confirmation"] = Access.Public,
        ["/account/lockout"] = Access.Public,
        ["/account/login"] = Access.Public,
        ["/account/login-2fa"] = Access.Public,
        ["/account/login-recovery-code"] = Access.Public,
        ["/account/reset-password"] = Access.Public,
        ["/account/reset-password-confirmation"] = Access.Public,
        ["/error"] = Access.Public,
        ["/invitation/{Token}"] = Access.Public,
        ["/not-found"] = Access.Public,
        ["/status/403"] = Access.Public,
        ["/status/{Code:int}"] = Access.Public,
        ["/account/logout"] = Access.NotAPage,
        ["/health"] = Access.NotAPage,
        ["/{**path:file}"] = Access.NotAPage, // the build's static files (MapStaticAssets), no data
    };

    // Blazor's own endpoints: the circuit's hub and the framework's scripts and packages' static files.
    private static readonly string[] FrameworkPrefixes = ["_blazor", "_framework/", "_content/"];

    [Fact]
    public void Every_route_of_the_portal_is_in_the_matrix()
    {
        var routes = Routes();
        var missing = routes.Except(Matrix.Keys).ToList();
        var gone = Matrix.Keys.Except(routes).ToList();

        Assert.True(missing.Count == 0, $"Routes missing from the tenant isolation matrix (add each with its access): {string.Join(", ", missing)}");
        Assert.True(gone.Count == 0, $"The matrix lists routes the portal no longer has: {string.Join(", ", gone)}");
    }

    [Fact]
    public async Task A_respondent_of_company_B_sees_only_its_own_records_and_is_refused_everything_else()
    {
        var (a, b, requestId) = await portal.SeedAsync();
        using var browser = portal.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(b.Respondent.Email, AccountPortalFactory.Password)).Status);

        foreach (var (route, access) in Matrix.Where(m => m.Value != Access.NotAPage))
        {
            var url = Fill(route, a, requestId);
            var page = await browser.GetAsync(url);
            var where = $"{route} ({access}) as {url} answered {(int)page.Status}";
            Assert.DoesNotContain(a.Markers, marker => page.Html.Contains(marker, StringComparison.OrdinalIgnoreCase));
            switch (access)
            {
                case Access.Respondent:
                    Assert.True(page.Status == HttpStatusCode.OK, where);
                    break;
                case Access.RespondentDownload:
                    Assert.True(page.Status == HttpStatusCode.NotFound, where);
                    Assert.Contains(portal.Log.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains(RefusalLogged(route, a), StringComparison.Ordinal));
                    var own = await browser.GetAsync(Fill(route, b, requestId));
                    Assert.Equal(HttpStatusCode.OK, own.Status);
                    Assert.Contains(b.Markers, marker => own.Html.Contains(marker, StringComparison.Ordinal));
                    break;
                case Access.Staff:
                    Assert.True(page.Status == HttpStatusCode.Forbidden, where);
                    break;
                default:
                    Assert.True((int)page.Status < 500, where);
                    break;
            }
        }

        // The respondent pages do show B's own company, upload and colleagues.
        Assert.Contains(b.Markers[0], (await browser.GetAsync("/")).Html, StringComparison.Ordinal);
        Assert.Contains(b.Markers[1], (await browser.GetAsync("/response")).Html, StringComparison.Ordinal);
        Assert.Contains(b.Respondent.Email, (await browser.GetAsync("/company/colleagues")).Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/audit")]
    [InlineData("/admin/users")]
    [InlineData("/admin/send-log")]
    public async Task Admin_pages_refuse_a_reviewer_and_open_for_an_admin(string route)
    {
        var reviewer = await portal.CreateUserAsync(PortalRoles.Reviewer, "matrix-reviewer");
        using (var browser = portal.NewBrowser())
        {
            await browser.SignInAsync(reviewer.Email, AccountPortalFactory.Password);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(route)).Status);
        }

        var admin = await portal.CreateUserAsync(PortalRoles.Admin, "matrix-admin");
        using var adminBrowser = portal.NewBrowser();
        await adminBrowser.SignInAsync(admin.Email, AccountPortalFactory.Password);
        Assert.Equal(HttpStatusCode.OK, (await adminBrowser.GetAsync(route)).Status);
    }

    [Fact]
    public async Task An_evidence_export_is_served_to_staff_and_recorded_in_the_audit_trail()
    {
        var (a, _, requestId) = await portal.SeedAsync();
        var reviewer = await portal.CreateUserAsync(PortalRoles.Reviewer, "matrix-exporter");
        using var browser = portal.NewBrowser();
        await browser.SignInAsync(reviewer.Email, AccountPortalFactory.Password);

        var export = await browser.GetAsync($"/review/evidence.csv?request={requestId}&company={a.CompanyId}");

        Assert.Equal(HttpStatusCode.OK, export.Status);
        Assert.StartsWith("company,", export.Html.TrimStart('\uFEFF'), StringComparison.OrdinalIgnoreCase);
        await using var scope = portal.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var entry = await db.AuditEntries.SingleAsync(e => e.ActorId == reviewer.Id && e.Action == "evidence.exported");
        Assert.Equal((a.CompanyId, requestId.ToString(CultureInfo.InvariantCulture)), (entry.CompanyId!.Value, entry.EntityId));
        Assert.Contains("\"format\":\"csv\"", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_that_does_not_exist_answers_exactly_like_another_companys()
    {
        var (a, b, _) = await portal.SeedAsync();
        using var browser = portal.NewBrowser();
        await browser.SignInAsync(b.Respondent.Email, AccountPortalFactory.Password);

        foreach (var (others, nowhere) in new[]
        {
            ($"/response/uploads/{a.UploadId}/rejected.csv", $"/response/uploads/{int.MaxValue}/rejected.csv"),
            ($"/response/receipts/{a.VersionId}", $"/response/receipts/{int.MaxValue}"),
            ($"/response/attachments/{a.AttachmentId}", $"/response/attachments/{int.MaxValue}"),
        })
        {
            var othersAnswer = await browser.GetAsync(others);
            var nowhereAnswer = await browser.GetAsync(nowhere);
            Assert.Equal((HttpStatusCode.NotFound, nowhereAnswer.Html), (othersAnswer.Status, othersAnswer.Html));
        }
    }

    private HashSet<string> Routes()
    {
        var endpoints = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Select(e => e.RoutePattern.RawText ?? string.Empty)
            .Where(p => !FrameworkPrefixes.Any(f => p.TrimStart('/').StartsWith(f, StringComparison.Ordinal)))
            .Select(p => p.StartsWith('/') ? p : "/" + p)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>What the log says when a respondent names <paramref name="owner"/>'s record in the download <paramref name="route"/>.</summary>
    private static string RefusalLogged(string route, TenantRecords owner) => route switch
    {
        _ when route.Contains("{versionId:int}", StringComparison.Ordinal) => $"receipt of version {owner.VersionId},",
        _ when route.Contains("{attachmentId:int}", StringComparison.Ordinal) => $"attachment {owner.AttachmentId},",
        _ => $"named upload {owner.UploadId},",
    };

    /// <summary>The route with company <paramref name="owner"/>'s ids (or harmless values where no company record is named).</summary>
    private static string Fill(string route, TenantRecords owner, int requestId) => route
        .Replace("{uploadId:int}", Id(owner.UploadId), StringComparison.Ordinal)
        .Replace("{versionId:int}", Id(owner.VersionId), StringComparison.Ordinal)
        .Replace("{attachmentId:int}", Id(owner.AttachmentId), StringComparison.Ordinal)
        .Replace("{ResponseId:int}", Id(owner.ResponseId), StringComparison.Ordinal)
        .Replace("{Number:int}", "1", StringComparison.Ordinal)
        .Replace("{CompanyId:int}", Id(owner.CompanyId), StringComparison.Ordinal)
        .Replace("{Id:int}", Id(owner.CompanyId), StringComparison.Ordinal)
        .Replace("{RequestId:int}", Id(requestId), StringComparison.Ordinal)
        .Replace("{reportId:guid}", Guid.NewGuid().ToString("N"), StringComparison.Ordinal)
        .Replace("{RunId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{versionId:long}", "1", StringComparison.Ordinal)
        .Replace("{KindSegment}/{Id:long}", "recordings/1", StringComparison.Ordinal)
        .Replace("{Token}", "no-such-invitation-token", StringComparison.Ordinal)
        .Replace("{Code:int}", "404", StringComparison.Ordinal);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
