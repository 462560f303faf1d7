using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Review.Queue;
using DisclosurePortal.Web.Features.Review.Works;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Review;

/// <summary>The cross-company view counts companies per confirmed work and lists who named it, as listed.</summary>
public abstract class CrossCompanyTests(DatabaseFixture database)
{
    [SkippableFact]
    public async Task Works_named_by_more_companies_come_first_with_who_named_them()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        var scenario = await ReviewScenario.CreateAsync(database, [MatchTier.Exact, MatchTier.Exact], [MatchTier.Exact, MatchTier.High]);
        await using var scope = database.Services.SignedInScope(TestUsers.Reviewer("reviewer-1"));
        var decisions = scope.ServiceProvider.GetRequiredService<ReviewDecisionService>();
        var request = scenario.Companies.Request.Id;
        Assert.Equal(3, await decisions.DecideAllAsync(new QueueFilter(RequestId: request, Tier: MatchTier.Exact), DecisionState.Confirmed));

        var works = scope.ServiceProvider.GetRequiredService<CrossCompanyService>();
        var page = await works.GetWorksAsync(request, 0, 10);
        var namings = await works.GetNamingsAsync(CatalogKind.Recordings, scenario.Recordings[0].Id, request);

        Assert.Equal(2, page.TotalCount);
        Assert.Equal((scenario.Recordings[0].Isrc, 2, 2), (page.Items[0].Identifier, page.Items[0].Companies, page.Items[0].Rows));
        Assert.Equal((scenario.Recordings[1].Isrc, 1), (page.Items[1].Identifier, page.Items[1].Companies));
        Assert.Equal([scenario.Companies.A.Name, scenario.Companies.B.Name], namings.Select(n => n.Company).Order());
        Assert.All(namings, n => Assert.Equal((scenario.Recordings[0].Title, 2, "list.csv"), (n.Title!, n.LineNumber, n.FileName)));
    }
}

public sealed class CrossCompanyTestsOnSqlite(SqliteDatabaseFixture database) : CrossCompanyTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class CrossCompanyTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : CrossCompanyTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
