using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Requests;

/// <summary>Admins draft, send and close requests; once sent, only the deadline can change.</summary>
public abstract class RequestEditorTests(DatabaseFixture database)
{
    private static readonly System.Security.Claims.ClaimsPrincipal Admin = TestUsers.Create("admin-user", PortalRoles.Admin, null);

    private static RequestDraft Draft(string title) => new()
    {
        Title = title,
        LetterText = "**Please disclose** what you used.",
        ReservationDate = new DateTime(2024, 5, 16),
        DeadlineDate = TestData.Now.UtcDateTime.Date.AddDays(30),
        DeadlineTime = new TimeSpan(17, 0, 0),
    };

    [SkippableFact]
    public async Task The_late_answer_rule_is_saved_and_can_still_change_after_sending()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        await using var scope = database.Services.SignedInScope(Admin);
        var editor = scope.ServiceProvider.GetRequiredService<RequestEditorService>();
        var draft = Draft($"Request {TestData.Token()}");
        draft.RefuseLateSubmissions = true;

        var (id, _) = await editor.SaveAsync(draft);
        var saved = await editor.GetAsync(id!.Value);
        Assert.True(saved!.RefuseLateSubmissions);
        Assert.Empty(await editor.SendAsync(saved));
        saved.RefuseLateSubmissions = false;
        await editor.SaveAsync(saved);

        await using var db = database.CreateContext();
        Assert.False((await db.Requests.SingleAsync(r => r.Id == id)).RefuseLateSubmissions);
    }

    [SkippableFact]
    public async Task A_draft_is_saved_sent_with_its_deadline_and_closed()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        var title = $"Request {TestData.Token()}";
        await using var scope = database.Services.SignedInScope(Admin);
        var editor = scope.ServiceProvider.GetRequiredService<RequestEditorService>();

        var (id, problems) = await editor.SaveAsync(Draft(title));
        Assert.Empty(problems);
        var draft = await editor.GetAsync(id!.Value);
        Assert.Equal(RequestState.Draft, draft!.State);

        Assert.Empty(await editor.SendAsync(draft));
        await using (var db = database.CreateContext())
        {
            var request = await db.Requests.SingleAsync(r => r.Id == id);
            Assert.Equal(RequestState.Sent, request.State);
            Assert.Equal(TestData.Now, request.SentAt);
            Assert.Equal(new DateTimeOffset(TestData.Now.UtcDateTime.Date.AddDays(30).AddHours(17), TimeSpan.Zero), request.Deadline);
            Assert.Equal(new DateOnly(2024, 5, 16), request.ReservationDate);
        }

        Assert.Equal(["Only a draft can be sent."], await editor.SendAsync((await editor.GetAsync(id.Value))!));
        Assert.Empty(await editor.CloseAsync(id.Value));
        Assert.Equal(["A closed request cannot be changed."], (await editor.SaveAsync((await editor.GetAsync(id.Value))!)).Problems);
        Assert.Equal(["Only a sent request can be closed."], await editor.CloseAsync(id.Value));
    }

    [SkippableFact]
    public async Task After_sending_only_the_deadline_moves()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        var title = $"Request {TestData.Token()}";
        await using var scope = database.Services.SignedInScope(Admin);
        var editor = scope.ServiceProvider.GetRequiredService<RequestEditorService>();
        var draft = Draft(title);
        Assert.Empty(await editor.SendAsync(draft));

        var sent = (await editor.GetAsync(draft.Id!.Value))!;
        sent.Title = "Rewritten after sending";
        sent.LetterText = "A different letter";
        sent.DeadlineDate = sent.DeadlineDate!.Value.AddDays(14);
        Assert.Empty((await editor.SaveAsync(sent)).Problems);

        await using var db = database.CreateContext();
        var request = await db.Requests.SingleAsync(r => r.Id == draft.Id);
        Assert.Equal(title, request.Title);
        Assert.Equal("**Please disclose** what you used.", request.LetterText);
        Assert.Equal(TestData.Now.UtcDateTime.Date.AddDays(44).AddHours(17), request.Deadline.UtcDateTime);
    }

    [SkippableFact]
    public async Task Sending_without_a_deadline_gives_thirty_days_and_a_past_deadline_is_refused()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        await using var scope = database.Services.SignedInScope(Admin);
        var editor = scope.ServiceProvider.GetRequiredService<RequestEditorService>();

        var open = Draft($"Request {TestData.Token()}");
        open.DeadlineDate = null;
        Assert.Empty(await editor.SendAsync(open));

        var late = Draft($"Request {TestData.Token()}");
        late.DeadlineDate = TestData.Now.UtcDateTime.Date.AddDays(-1);
        Assert.Equal(["The deadline must be in the future."], await editor.SendAsync(late));

        await using var db = database.CreateContext();
        Assert.Equal(TestData.Now.Add(RequestEditorService.DefaultAnswerPeriod), (await db.Requests.SingleAsync(r => r.Id == open.Id)).Deadline);
        Assert.Equal(RequestState.Draft, (await db.Requests.SingleAsync(r => r.Title == late.Title)).State);
    }

    [SkippableFact]
    public async Task Incomplete_drafts_are_explained_and_not_saved()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        await using var scope = database.Services.SignedInScope(Admin);
        var editor = scope.ServiceProvider.GetRequiredService<RequestEditorService>();

        var (id, problems) = await editor.SaveAsync(new RequestDraft { Title = " ", LetterText = "", ReservationDate = null });

        Assert.Null(id);
        Assert.Equal(["Give the request a title.", "Write the letter the companies will read.", "Give the date from which your rights were reserved."], problems);
    }

    [SkippableFact]
    public async Task Only_admins_edit_requests()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        foreach (var user in new[] { TestUsers.Reviewer(), TestUsers.Respondent(1) })
        {
            await using var scope = database.Services.SignedInScope(user);
            var editor = scope.ServiceProvider.GetRequiredService<RequestEditorService>();
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => editor.SaveAsync(Draft("Not allowed")));
        }
    }
}

public sealed class RequestEditorTestsOnSqlite(SqliteDatabaseFixture database) : RequestEditorTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class RequestEditorTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : RequestEditorTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
