using System.Reflection;
using System.Text;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Email;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Invitations;
using DisclosurePortal.Web.Features.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DisclosurePortal.IntegrationTests.Tenancy;

/// <summary>
/// Every handler a respondent's page calls with a record's id, called by company B's lead with company A's ids:
/// each answers "not found" (as for an id that does not exist), changes nothing, and logs the attempt. A new
/// handler taking an id on these services fails the completeness test until it is added here.
/// </summary>
public sealed class TenantHandlerMatrixTests(SqliteDatabaseFixture database) : IClassFixture<SqliteDatabaseFixture>
{
    private static readonly Type[] RespondentServices = [typeof(RespondentWorkspace), typeof(WorkListIntake), typeof(ColleagueInvitations)];

    private sealed record Others(int ResponseId, int UploadId, int InvitationId);

    private static readonly Dictionary<string, Func<IServiceProvider, Others, Task>> Handlers = new(StringComparer.Ordinal)
    {
        ["RespondentWorkspace.GetUploadsAsync"] = (s, a) => s.GetRequiredService<RespondentWorkspace>().GetUploadsAsync(a.ResponseId),
        ["RespondentWorkspace.GetRejectedRowsAsync"] = (s, a) => s.GetRequiredService<RespondentWorkspace>().GetRejectedRowsAsync(a.UploadId),
        ["RespondentWorkspace.GetRowReportAsync"] = (s, a) => s.GetRequiredService<RespondentWorkspace>().GetRowReportAsync(a.UploadId),
        ["RespondentWorkspace.GetAcceptedRowsAsync"] = (s, a) => s.GetRequiredService<RespondentWorkspace>().GetAcceptedRowsAsync(a.UploadId, 0, 25),
        ["RespondentWorkspace.CountAcceptedByKindAsync"] = (s, a) => s.GetRequiredService<RespondentWorkspace>().CountAcceptedByKindAsync(a.UploadId),
        ["WorkListIntake.GetMappingAsync"] = (s, a) => s.GetRequiredService<WorkListIntake>().GetMappingAsync(a.UploadId),
        ["WorkListIntake.ConfirmMappingAsync"] = (s, a) => s.GetRequiredService<WorkListIntake>().ConfirmMappingAsync(a.UploadId),
        ["WorkListIntake.ReceiveAsync"] = (s, a) => s.GetRequiredService<WorkListIntake>().ReceiveAsync(a.ResponseId, "list.csv", new MemoryStream(Encoding.UTF8.GetBytes("Title,Artist\nA,B\n"))),
        ["ColleagueInvitations.RevokeAsync"] = (s, a) => s.GetRequiredService<ColleagueInvitations>().RevokeAsync(a.InvitationId),
    };

    [Fact]
    public void Every_respondent_handler_that_takes_an_id_is_in_the_matrix()
    {
        var handlers = RespondentServices
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => (Type: t, Method: m)))
            .Where(h => h.Method.GetParameters().Any(p => p.ParameterType == typeof(int) && p.Name!.EndsWith("Id", StringComparison.Ordinal)))
            .Select(h => $"{h.Type.Name}.{h.Method.Name}")
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(handlers.Order(), Handlers.Keys.Order());
    }

    [Fact]
    public async Task Each_handler_answers_not_found_for_another_companys_record_changes_nothing_and_logs_it()
    {
        await database.EnsureInitializedAsync();
        var log = new CapturedLog();
        await using var services = PortalTestServices.Build(database, new FixedTimeProvider(TestData.Now), logs: log);
        Others a;
        int bCompany;
        await using (var db = database.CreateContext())
        {
            var companies = await TestData.CreateTwoCompaniesAsync(db);
            var upload = TestData.Upload(companies.ResponseA);
            db.WorkListUploads.Add(upload);
            var invitation = new Invitation { CompanyId = companies.A.Id, Email = $"a-{TestData.Token()}@a.example", CreatedAt = TestData.Now, ExpiresAt = TestData.Now.AddDays(14) };
            db.Invitations.Add(invitation);
            db.Users.Add(new PortalUser { Id = "b-lead", UserName = "b-lead@b.example", Email = "b-lead@b.example", DisplayName = "B lead", CompanyId = companies.B.Id, IsLeadRespondent = true, CreatedAt = TestData.Now });
            await db.SaveChangesAsync();
            db.WorkListEntries.Add(new WorkListEntry { UploadId = upload.Id, CompanyId = companies.A.Id, LineNumber = 3, RejectionReason = "no title" });
            await db.SaveChangesAsync();
            (a, bCompany) = (new Others(companies.ResponseA.Id, upload.Id, invitation.Id), companies.B.Id);
        }

        foreach (var (name, call) in Handlers)
        {
            await using var scope = services.SignedInScope(TestUsers.Respondent(bCompany, "b-lead"));
            var before = log.Lines.Count;
            await Assert.ThrowsAsync<KeyNotFoundException>(() => call(scope.ServiceProvider, a));
            Assert.True(log.Lines.Skip(before).Any(l => l.Level == LogLevel.Warning && l.Message.Contains($"company {bCompany}", StringComparison.Ordinal)), $"{name} did not log the refusal");
        }

        await using var check = database.CreateContext();
        Assert.Equal(1, await check.WorkListUploads.CountAsync(u => u.ResponseId == a.ResponseId));
        Assert.Null((await check.Invitations.SingleAsync(i => i.Id == a.InvitationId)).RevokedAt);
    }
}
