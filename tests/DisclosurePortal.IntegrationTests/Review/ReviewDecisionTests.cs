using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Review.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Review;

/// <summary>Decisions on the triage queue: one at a time against a revision, in bulk by filter, held by claims, kept over re-runs.</summary>
public abstract class ReviewDecisionTests(DatabaseFixture database)
{
    private static readonly MatchTier[] Mixed = [MatchTier.Exact, MatchTier.Exact, MatchTier.High, MatchTier.Possible, MatchTier.None];

    [SkippableFact]
    public async Task Confirming_names_the_best_candidate_and_appends_history()
    {
        var scenario = await ArrangeAsync();
        var item = (await PageAsync(Reviewer1, new QueueFilter(CompanyId: scenario.Companies.A.Id))).Items[0];

        var result = await DecideAsync(Reviewer1, new DecisionRequest(item.Id, item.Revision, DecisionState.Confirmed, Comment: "clear"));

        Assert.True(result.Saved, result.Message);
        await using var db = database.CreateContext();
        var decision = await db.MatchDecisions.SingleAsync(d => d.Id == item.Id);
        Assert.Equal((DecisionState.Confirmed, CatalogKind.Recordings, "reviewer-1", "clear"), (decision.State, decision.ChosenKind!.Value, decision.DecidedByUserId!, decision.Comment!));
        Assert.Equal(scenario.Recordings.Single(r => r.Title == item.Title).Id, decision.ChosenCatalogId);
        Assert.Equal(TestData.Now, decision.DecidedAt);
        var history = await db.MatchDecisionChanges.Where(c => c.DecisionId == item.Id).ToListAsync();
        Assert.Equal(DecisionState.Confirmed, Assert.Single(history).State);
        var decisionBatch = decision.LastBatch.ToString();
        var audited = await db.AuditEntries.SingleAsync(e => e.EntityType == "MatchDecisionBatch" && e.EntityId == decisionBatch);
        Assert.Equal(("match.decided", "reviewer-1", (int?)scenario.Companies.A.Id), (audited.Action, audited.ActorId, audited.CompanyId));
        Assert.Contains("\"items\":1", audited.After, StringComparison.Ordinal);
        Assert.Equal(4, (await PageAsync(Reviewer1, new QueueFilter(CompanyId: scenario.Companies.A.Id))).TotalCount + 1);
        Assert.Equal(1, (await PageAsync(Reviewer1, new QueueFilter(QueueTab.Unmatched, CompanyId: scenario.Companies.A.Id))).TotalCount);
    }

    [SkippableFact]
    public async Task The_pager_counts_only_so_far_ahead_and_says_when_there_are_more()
    {
        var scenario = await ArrangeAsync();
        var ofA = new QueueFilter(CompanyId: scenario.Companies.A.Id);
        await using var scope = database.Services.SignedInScope(TestUsers.Reviewer(Reviewer1));
        var queue = scope.ServiceProvider.GetRequiredService<ReviewQueueService>();

        var exact = await queue.GetPageAsync(ofA, QueueSort.Strength, false, 0, 50);
        var bounded = await queue.GetPageAsync(ofA, QueueSort.Strength, false, 0, 2, countAhead: 1);
        var further = await queue.GetPageAsync(ofA, QueueSort.Strength, false, 1, 2, countAhead: 1);

        Assert.Equal((4, false), (exact.TotalCount, exact.TotalIsLowerBound));
        Assert.Equal((3, true, 2), (bounded.TotalCount, bounded.TotalIsLowerBound, bounded.Items.Count));
        Assert.Equal((4, false, 2), (further.TotalCount, further.TotalIsLowerBound, further.Items.Count));
        Assert.Equal(4, await queue.CountAsync(ofA));
    }

    [SkippableFact]
    public async Task The_second_reviewer_deciding_a_stale_item_is_told_and_nothing_is_overwritten()
    {
        var scenario = await ArrangeAsync();
        var item = (await PageAsync(Reviewer1, new QueueFilter(CompanyId: scenario.Companies.A.Id))).Items[0];

        var first = await DecideAsync(Reviewer1, new DecisionRequest(item.Id, item.Revision, DecisionState.Confirmed));
        var second = await DecideAsync(Reviewer2, new DecisionRequest(item.Id, item.Revision, DecisionState.Rejected, Comment: "wrong"));

        Assert.True(first.Saved);
        Assert.Equal(DecisionOutcome.Stale, second.Outcome);
        Assert.Contains("reviewer-1", second.Message, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var decision = await db.MatchDecisions.SingleAsync(d => d.Id == item.Id);
        Assert.Equal((DecisionState.Confirmed, "reviewer-1", 1), (decision.State, decision.DecidedByUserId!, decision.Revision));
        Assert.Equal(1, await db.MatchDecisionChanges.CountAsync(c => c.DecisionId == item.Id));
    }

    [SkippableFact]
    public async Task A_bulk_confirm_by_filter_decides_exactly_the_rows_it_counted()
    {
        var scenario = await ArrangeAsync();
        var exactOfA = new QueueFilter(CompanyId: scenario.Companies.A.Id, Tier: MatchTier.Exact);
        var counted = await Count(Reviewer1, exactOfA);

        int written;
        await using (var scope = database.Services.SignedInScope(TestUsers.Reviewer("reviewer-1")))
        {
            written = await scope.ServiceProvider.GetRequiredService<ReviewDecisionService>().DecideAllAsync(exactOfA, DecisionState.Confirmed, "bulk");
        }

        Assert.Equal(2, counted);
        Assert.Equal(counted, written);
        Assert.Equal(0, await Count(Reviewer1, exactOfA));
        Assert.Equal(2, await Count(Reviewer1, new QueueFilter(QueueTab.Confirmed, RequestId: scenario.Companies.Request.Id)));
        Assert.Equal(4, await Count(Reviewer1, new QueueFilter(CompanyId: scenario.Companies.B.Id)));
        await using var db = database.CreateContext();
        var confirmed = await db.MatchDecisions.Where(d => d.CompanyId == scenario.Companies.A.Id && d.State == DecisionState.Confirmed).OrderBy(d => d.EntryId).ToListAsync();
        Assert.Equal(scenario.Recordings.Take(2).Select(r => (long?)r.Id), confirmed.Select(d => d.ChosenCatalogId));
        Assert.Equal(2, await db.MatchDecisionChanges.CountAsync(c => c.CompanyId == scenario.Companies.A.Id && c.Comment == "bulk"));
        var batch = confirmed[0].LastBatch.ToString();
        var audited = await db.AuditEntries.SingleAsync(e => e.EntityType == "MatchDecisionBatch" && e.EntityId == batch);
        Assert.Contains("\"items\":2", audited.After, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_rerun_keeps_the_decisions_and_shows_the_new_tiers()
    {
        var scenario = await ArrangeAsync();
        var item = (await PageAsync(Reviewer1, new QueueFilter(CompanyId: scenario.Companies.A.Id))).Items[0];
        await DecideAsync(Reviewer1, new DecisionRequest(item.Id, item.Revision, DecisionState.Confirmed));

        await ReviewScenario.RerunAsync(database, scenario.UploadA, scenario.Recordings, [MatchTier.High, MatchTier.High, MatchTier.High, MatchTier.High, MatchTier.Exact]);

        await using var db = database.CreateContext();
        var decisions = await db.MatchDecisions.Where(d => d.UploadId == scenario.UploadA.Id).OrderBy(d => d.EntryId).ToListAsync();
        Assert.Equal(5, decisions.Count);
        Assert.Equal(DecisionState.Confirmed, decisions.Single(d => d.Id == item.Id).State);
        Assert.Equal(4, decisions.Count(d => d.State == DecisionState.NeedsReview));
        Assert.Equal([MatchTier.High, MatchTier.High, MatchTier.High, MatchTier.High, MatchTier.Exact], decisions.Select(d => d.Tier));
        Assert.Equal(CatalogKind.Recordings, decisions[4].CandidateKind);
    }

    [SkippableFact]
    public async Task Claimed_items_go_to_one_reviewer_and_others_cannot_decide_them()
    {
        var scenario = await ArrangeAsync();
        var ofA = new QueueFilter(CompanyId: scenario.Companies.A.Id);

        var first = await ClaimAsync(Reviewer1, ofA, 2);
        var second = await ClaimAsync(Reviewer2, ofA, 5);
        var page = await PageAsync(Reviewer2, ofA);
        var held = page.Items.First(i => i.ClaimedByUserId == "reviewer-1");
        var refused = await DecideAsync(Reviewer2, new DecisionRequest(held.Id, held.Revision, DecisionState.Rejected));
        await using (var scope = database.Services.SignedInScope(TestUsers.Reviewer("reviewer-2")))
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<ReviewDecisionService>().DecideAllAsync(ofA, DecisionState.Rejected));
        }

        Assert.Equal((2, 2), (first, second));
        Assert.Equal(2, page.Items.Count(i => i.ClaimedByUserId == "reviewer-1"));
        Assert.Equal("reviewer-1", held.ClaimedBy);
        Assert.Equal(DecisionOutcome.HeldByOther, refused.Outcome);
        Assert.Equal(2, await Count(Reviewer1, ofA with { Assignee = "reviewer-1" }));
    }

    [SkippableFact]
    public async Task Respondents_are_refused()
    {
        var scenario = await ArrangeAsync();
        await using var scope = database.Services.SignedInScope(TestUsers.Respondent(scenario.Companies.A.Id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scope.ServiceProvider.GetRequiredService<ReviewQueueService>().CountAsync(new QueueFilter()));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scope.ServiceProvider.GetRequiredService<ReviewDecisionService>().DecideAllAsync(new QueueFilter(), DecisionState.Confirmed));
    }

    private const string Reviewer1 = "reviewer-1";
    private const string Reviewer2 = "reviewer-2";

    private async Task<ReviewScenario> ArrangeAsync()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        return await ReviewScenario.CreateAsync(database, Mixed, Mixed);
    }

    private async Task<QueuePage> PageAsync(string user, QueueFilter filter)
    {
        await using var scope = database.Services.SignedInScope(TestUsers.Reviewer(user));
        return await scope.ServiceProvider.GetRequiredService<ReviewQueueService>().GetPageAsync(filter, QueueSort.Strength, false, 0, 50);
    }

    private async Task<int> Count(string user, QueueFilter filter)
    {
        await using var scope = database.Services.SignedInScope(TestUsers.Reviewer(user));
        return await scope.ServiceProvider.GetRequiredService<ReviewQueueService>().CountAsync(filter);
    }

    private async Task<DecisionResult> DecideAsync(string user, DecisionRequest request)
    {
        await using var scope = database.Services.SignedInScope(TestUsers.Reviewer(user));
        return await scope.ServiceProvider.GetRequiredService<ReviewDecisionService>().DecideAsync(request);
    }

    private async Task<int> ClaimAsync(string user, QueueFilter filter, int count)
    {
        await using var scope = database.Services.SignedInScope(TestUsers.Reviewer(user));
        return await scope.ServiceProvider.GetRequiredService<ReviewDecisionService>().ClaimNextAsync(filter, QueueSort.Strength, false, count);
    }
}

public sealed class ReviewDecisionTestsOnSqlite(SqliteDatabaseFixture database) : ReviewDecisionTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class ReviewDecisionTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ReviewDecisionTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
