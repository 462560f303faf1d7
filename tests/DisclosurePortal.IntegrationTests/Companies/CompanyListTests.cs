using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Companies;

/// <summary>
/// The company list per request: each status computed in the database from one definition (filtered, counted and
/// sorted there), compared with the same rule compiled in memory; search by name; pages from the server.
/// </summary>
public abstract class CompanyListTests(DatabaseFixture database)
{
    [SkippableFact]
    public async Task Each_status_is_counted_filtered_and_sorted_by_the_database_as_the_rule_says()
    {
        var (request, byStatus) = await ArrangeAsync();
        await using var scope = database.Services.SignedInScope(TestUsers.Reviewer());
        var list = scope.ServiceProvider.GetRequiredService<RequestCompanyList>();

        var counts = await list.CountsAsync(request.Id);
        Assert.Equal(Enum.GetValues<CompanyStatus>().ToDictionary(s => s, s => s == CompanyStatus.NotInvited ? 2 : 1), counts);

        foreach (var (status, names) in byStatus)
        {
            var page = await list.PageAsync(request.Id, new CompanyFilter(status), 0, 25, CompanyOrder.Name, false);
            Assert.Equal(names.Order(), page.Items.Select(r => r.Name));
            Assert.All(page.Items, r => Assert.Equal(status, r.Status));
        }

        // The database's CASE and the same rule compiled in memory agree on every row.
        var listed = (await list.PageAsync(request.Id, CompanyFilter.None, 0, 25, CompanyOrder.Name, false)).Items.ToDictionary(r => r.ResponseId, r => r.Status);
        var rule = CompanyStatusRules.Of(TestData.Now).Compile();
        await using (var db = database.CreateContext())
        {
            var responses = await db.Responses.Include(r => r.Request).Where(r => r.RequestId == request.Id).ToListAsync();
            Assert.Equal(9, responses.Count);
            Assert.All(responses, r => Assert.Equal(rule(r), listed[r.Id]));
        }

        var byStatusOrder = await list.PageAsync(request.Id, CompanyFilter.None, 0, 25, CompanyOrder.Status, true);
        Assert.Equal(CompanyStatus.Submitted, byStatusOrder.Items[0].Status);
        Assert.Equal(CompanyStatus.NotInvited, byStatusOrder.Items[^1].Status);
    }

    [SkippableFact]
    public async Task Search_finds_a_name_however_it_is_spelled_and_pages_come_from_the_server()
    {
        var (request, byStatus) = await ArrangeAsync();
        await using var scope = database.Services.SignedInScope(TestUsers.Admin());
        var list = scope.ServiceProvider.GetRequiredService<RequestCompanyList>();
        var overdue = byStatus[CompanyStatus.Overdue].Single();

        var found = await list.PageAsync(request.Id, new CompanyFilter(null, overdue.ToUpperInvariant().Replace(" ", "  ", StringComparison.Ordinal) + " Ltd."), 0, 25, CompanyOrder.Name, false);
        Assert.Equal([overdue], found.Items.Select(r => r.Name));

        var first = await list.PageAsync(request.Id, CompanyFilter.None, 0, 3, CompanyOrder.Name, false);
        var second = await list.PageAsync(request.Id, CompanyFilter.None, 1, 3, CompanyOrder.Name, false);
        Assert.Equal(9, first.Total);
        Assert.Equal(3, first.Items.Count);
        Assert.Empty(first.Items.Select(r => r.CompanyId).Intersect(second.Items.Select(r => r.CompanyId)));

        await using var respondent = database.Services.SignedInScope(TestUsers.Respondent(first.Items[0].CompanyId));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => respondent.ServiceProvider.GetRequiredService<RequestCompanyList>().CountsAsync(request.Id));
    }

    [SkippableFact]
    public async Task A_company_counts_as_opened_once_someone_there_sees_the_sent_request()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        TwoCompanies companies;
        DisclosureResponse draftResponse;
        await using (var db = database.CreateContext())
        {
            companies = await TestData.CreateTwoCompaniesAsync(db);
            var draft = new DisclosureRequest { Title = $"Draft {TestData.Token()}", LetterText = "x", Deadline = TestData.Now.AddDays(5), CreatedAt = TestData.Now };
            draftResponse = new DisclosureResponse { CompanyId = companies.A.Id };
            draft.Responses.Add(draftResponse);
            db.Requests.Add(draft);
            await db.SaveChangesAsync();
        }

        await using (var scope = database.Services.SignedInScope(TestUsers.Respondent(companies.A.Id)))
        {
            var seen = await scope.ServiceProvider.GetRequiredService<DisclosurePortal.Web.Features.Responses.RespondentWorkspace>().GetResponsesAsync();
            Assert.Equal([companies.ResponseA.Id], seen.Select(r => r.ResponseId));
        }

        await using var check = database.CreateContext();
        var opened = await check.Responses.Where(r => r.Id == companies.ResponseA.Id || r.Id == companies.ResponseB.Id || r.Id == draftResponse.Id).ToDictionaryAsync(r => r.Id, r => r.OpenedAt);
        Assert.Equal(TestData.Now, opened[companies.ResponseA.Id]);
        Assert.Null(opened[companies.ResponseB.Id]);
        Assert.Null(opened[draftResponse.Id]);
    }

    /// <summary>A request with two companies not invited and one in every other status (due times around <see cref="TestData.Now"/>).</summary>
    private async Task<(DisclosureRequest Request, Dictionary<CompanyStatus, List<string>> Names)> ArrangeAsync()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        var t = TestData.Token();
        var now = TestData.Now;
        var request = new DisclosureRequest { Title = $"List {t}", LetterText = "x", Deadline = now.AddDays(10), State = RequestState.Sent, SentAt = now, CreatedAt = now };
        var cases = new (CompanyStatus Status, DisclosureResponse Response)[]
        {
            (CompanyStatus.NotInvited, new DisclosureResponse()),
            (CompanyStatus.NotInvited, new DisclosureResponse()),
            (CompanyStatus.Invited, new DisclosureResponse { InvitedAt = now }),
            (CompanyStatus.Opened, new DisclosureResponse { InvitedAt = now, OpenedAt = now }),
            (CompanyStatus.InProgress, new DisclosureResponse { InvitedAt = now, OpenedAt = now, Status = ResponseStatus.InProgress }),
            (CompanyStatus.ExtensionGranted, new DisclosureResponse { InvitedAt = now, Status = ResponseStatus.InProgress, ExtendedDeadline = now.AddDays(20) }),
            (CompanyStatus.Overdue, new DisclosureResponse { InvitedAt = now, Status = ResponseStatus.InProgress, ExtendedDeadline = now.AddMinutes(-1) }),
            (CompanyStatus.ExtensionRequested, new DisclosureResponse { InvitedAt = now, Status = ResponseStatus.InProgress, ExtensionStatus = ExtensionStatus.Requested, ExtendedDeadline = now.AddMinutes(-1) }),
            (CompanyStatus.Submitted, new DisclosureResponse { InvitedAt = now, Status = ResponseStatus.Submitted, ExtendedDeadline = now.AddDays(-3) }),
        };
        var names = new Dictionary<CompanyStatus, List<string>>();
        foreach (var (status, response, i) in cases.Select((c, i) => (c.Status, c.Response, i)))
        {
            var name = $"{(char)('a' + i)} {status} {t}";
            response.Company = new Company { Name = name, CreatedAt = now };
            request.Responses.Add(response);
            (names.TryGetValue(status, out var list) ? list : names[status] = []).Add(name);
        }

        await using var db = database.CreateContext();
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        return (request, names);
    }
}

public sealed class CompanyListTestsOnSqlite(SqliteDatabaseFixture database) : CompanyListTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class CompanyListTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : CompanyListTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
