using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Extensions;
using DisclosurePortal.Web.Features.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Answers;

/// <summary>A respondent asks for more time; an admin grants (the company's due time moves) or refuses; the history stays.</summary>
public abstract class ExtensionRequestTests(DatabaseFixture database)
{
    [SkippableFact]
    public async Task A_granted_extension_becomes_the_companys_due_time_and_the_history_is_kept()
    {
        var scenario = await AnswerScenario.CreateAsync(database);
        var due = scenario.Companies.Request.Deadline;
        var wished = DateOnly.FromDateTime(due.UtcDateTime).AddDays(14);

        var asked = await scenario.AsAAsync(sp => sp.GetRequiredService<ExtensionService>().RequestAsync(scenario.Companies.ResponseA.Id, "Our dataset audit finishes late.", wished));
        var again = await scenario.AsAAsync(sp => sp.GetRequiredService<ExtensionService>().RequestAsync(scenario.Companies.ResponseA.Id, "Still waiting.", wished.AddDays(1)));

        Assert.True(asked.Done, string.Join(" ", asked.Problems));
        Assert.False(again.Done);
        Assert.StartsWith("You have already asked", Assert.Single(again.Problems), StringComparison.Ordinal);
        var queue = await scenario.AsAsync(TestUsers.Admin(), sp => sp.GetRequiredService<ExtensionService>().QueueAsync());
        var open = Assert.Single(queue, e => e.ResponseId == scenario.Companies.ResponseA.Id);
        Assert.Equal((ExtensionStatus.Requested, due, due.AddDays(14)), (open.Status, open.DueAtWhenRequested, open.WishedDueAt));
        Assert.Equal("Ada Respondent", open.RequestedBy);

        var granted = await scenario.AsAsync(TestUsers.Admin(), sp => sp.GetRequiredService<ExtensionService>().GrantAsync(open.Id, wished.AddDays(-4), "Ten days, not fourteen."));

        Assert.True(granted.Done, string.Join(" ", granted.Problems));
        var header = await scenario.AsAAsync(sp => sp.GetRequiredService<ResponseLookup>().CurrentAsync());
        Assert.Equal(due.AddDays(10), header!.DueAt);
        Assert.Equal(ExtensionStatus.Granted, header.ExtensionStatus);
        await using var db = scenario.Db();
        var response = await db.Responses.SingleAsync(r => r.Id == scenario.Companies.ResponseA.Id);
        Assert.Equal(due.AddDays(10), response.ExtendedDeadline);
        var history = await scenario.AsAAsync(sp => sp.GetRequiredService<ExtensionService>().HistoryAsync(scenario.Companies.ResponseA.Id));
        var decided = Assert.Single(history);
        Assert.Equal((ExtensionStatus.Granted, due.AddDays(10), "Ten days, not fourteen.", TestData.Now), (decided.Status, decided.GrantedDueAt, decided.DecisionComment, decided.DecidedAt));
        Assert.False((await scenario.AsAsync(TestUsers.Admin(), sp => sp.GetRequiredService<ExtensionService>().RefuseAsync(open.Id, "changed my mind"))).Done);

        // The company may ask again once answered; the new request is measured from the extended due time.
        var tooEarly = await scenario.AsAAsync(sp => sp.GetRequiredService<ExtensionService>().RequestAsync(scenario.Companies.ResponseA.Id, "More.", wished.AddDays(-5)));
        Assert.Contains("after the current due time", Assert.Single(tooEarly.Problems), StringComparison.Ordinal);
        var mail = Directory.EnumerateFiles(database.Storage.Combine("outbox"), "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Single(m => m.To.Mailboxes.Any(a => a.Address == scenario.EmailA) && m.Subject == "Your extension request was answered");
        Assert.Contains("was granted", mail.TextBody, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_refusal_needs_a_comment_and_leaves_the_due_time_as_it_was()
    {
        var scenario = await AnswerScenario.CreateAsync(database);
        var wished = DateOnly.FromDateTime(scenario.Companies.Request.Deadline.UtcDateTime).AddDays(7);
        await scenario.AsAAsync(sp => sp.GetRequiredService<ExtensionService>().RequestAsync(scenario.Companies.ResponseA.Id, "Busy.", wished));
        var id = (await scenario.AsAAsync(sp => sp.GetRequiredService<ExtensionService>().HistoryAsync(scenario.Companies.ResponseA.Id))).Single().Id;

        var bare = await scenario.AsAsync(TestUsers.Admin(), sp => sp.GetRequiredService<ExtensionService>().RefuseAsync(id, " "));
        var refused = await scenario.AsAsync(TestUsers.Admin(), sp => sp.GetRequiredService<ExtensionService>().RefuseAsync(id, "The deadline is firm."));

        Assert.False(bare.Done);
        Assert.True(refused.Done);
        await using var db = scenario.Db();
        var response = await db.Responses.SingleAsync(r => r.Id == scenario.Companies.ResponseA.Id);
        Assert.Null(response.ExtendedDeadline);
        Assert.Equal(ExtensionStatus.Refused, response.ExtensionStatus);
        Assert.Equal("The deadline is firm.", (await db.ExtensionRequests.SingleAsync(e => e.Id == id)).DecisionComment);
    }

    [SkippableFact]
    public async Task Only_admins_decide_and_respondents_ask_only_for_their_own_company()
    {
        var scenario = await AnswerScenario.CreateAsync(database);
        var wished = DateOnly.FromDateTime(scenario.Companies.Request.Deadline.UtcDateTime).AddDays(7);
        await scenario.AsAAsync(sp => sp.GetRequiredService<ExtensionService>().RequestAsync(scenario.Companies.ResponseA.Id, "Busy.", wished));
        var id = (await scenario.AsAAsync(sp => sp.GetRequiredService<ExtensionService>().HistoryAsync(scenario.Companies.ResponseA.Id))).Single().Id;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scenario.AsAAsync(sp => sp.GetRequiredService<ExtensionService>().GrantAsync(id, wished, null)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scenario.AsAsync(TestUsers.Reviewer(), sp => sp.GetRequiredService<ExtensionService>().GrantAsync(id, wished, null)));
        var foreign = await scenario.AsAsync(scenario.RespondentB, sp => sp.GetRequiredService<ExtensionService>().RequestAsync(scenario.Companies.ResponseA.Id, "Sneaky.", wished));
        var foreignHistory = await scenario.AsAsync(scenario.RespondentB, sp => sp.GetRequiredService<ExtensionService>().HistoryAsync(scenario.Companies.ResponseA.Id));

        Assert.Equal(["This response does not exist."], foreign.Problems);
        Assert.Empty(foreignHistory);
        await using var db = scenario.Db();
        Assert.Equal(1, await db.ExtensionRequests.CountAsync(e => e.ResponseId == scenario.Companies.ResponseA.Id));
        Assert.False(await db.ExtensionRequests.AnyAsync(e => e.CompanyId == scenario.Companies.B.Id));
    }
}

public sealed class ExtensionRequestTestsOnSqlite(SqliteDatabaseFixture database) : ExtensionRequestTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class ExtensionRequestTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ExtensionRequestTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
