using DisclosurePortal.Core.Messages;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Messages;
using DisclosurePortal.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DisclosurePortal.IntegrationTests.Messages;

/// <summary>A request's own e-mail texts: unknown placeholders refused with their names, defaults kept out of the table, each reminder's own text used.</summary>
public abstract class RequestMessageTemplateTests(DatabaseFixture database)
{
    [SkippableFact]
    public async Task Texts_with_unknown_placeholders_or_without_the_link_are_refused_and_nothing_is_saved()
    {
        var request = await ArrangeAsync();
        await using var scope = database.Services.SignedInScope(TestUsers.Admin());
        var templates = scope.ServiceProvider.GetRequiredService<MessageTemplateService>();
        var messages = (await templates.GetAsync(request.Id))!;
        Assert.Equal("7,3,1", messages.ReminderDays);
        Assert.Equal(["Invitation", "Reminder 7 days before", "Reminder 3 days before", "Reminder 1 day before", "Overdue notice"], messages.Templates.Select(t => t.Title));

        var invitation = messages.Templates[0];
        invitation.Body = "Dear {contact} of {compnay}: {deadlnie}";
        invitation.Subject = "Your link {link}";
        var problems = await templates.SaveAsync(request.Id, "7,3,1", messages.Templates);
        Assert.Contains(problems, p => p.StartsWith("Invitation: Unknown placeholders: {compnay}, {deadlnie}.", StringComparison.Ordinal));
        Assert.Contains("Invitation: {link} belongs in the text, not in the subject.", problems);

        invitation.Subject = "Access";
        Assert.Contains("Invitation: The text needs {link}: without it the company cannot reach the portal.", await templates.SaveAsync(request.Id, "7,3,1", messages.Templates));
        Assert.Equal(["Reminder days: '0' is not a number of days from 1 to 90."], await templates.SaveAsync(request.Id, "0", MessageTemplateService.Drafts(RequestTemplates.Defaults, [])));

        await using var db = database.CreateContext();
        Assert.Equal(0, await db.MessageTemplates.CountAsync(t => t.RequestId == request.Id));
    }

    [SkippableFact]
    public async Task Only_changed_texts_are_stored_and_a_reminders_own_text_is_what_the_companies_get()
    {
        var request = await ArrangeAsync();
        await using (var scope = database.Services.SignedInScope(TestUsers.Admin()))
        {
            var templates = scope.ServiceProvider.GetRequiredService<MessageTemplateService>();
            var drafts = MessageTemplateService.Drafts(RequestTemplates.Defaults, [5, 2]).ToList();
            var five = drafts.Single(d => d.DaysBefore == 5);
            (five.Subject, five.Body) = ("Five days left for {company}", "Only {time-left} to go, until {deadline}.\n\n{link}");
            Assert.Empty(await templates.SaveAsync(request.Id, "2, 5", drafts));

            var (subject, body) = MessageTemplateService.Preview(five, (await templates.GetAsync(request.Id))!);
            Assert.Equal("Five days left for Example AI Ltd", subject);
            Assert.StartsWith("Only 5 days to go, until", body, StringComparison.Ordinal);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal([(MessageKind.Reminder, 5)], (await db.MessageTemplates.Where(t => t.RequestId == request.Id).ToListAsync()).Select(t => (t.Kind, t.DaysBefore)));
            Assert.Equal("5,2", (await db.Requests.SingleAsync(r => r.Id == request.Id)).ReminderDays);
            db.Responses.Add(new DisclosureResponse
            {
                RequestId = request.Id,
                InvitedAt = TestData.Now,
                Company = new Company { Name = $"Templated {TestData.Token()}", CreatedAt = TestData.Now, Contacts = [new CompanyContact { Email = $"t-{TestData.Token()}@t.example" }] },
            });
            await db.SaveChangesAsync();
        }

        var clock = new FakeTimeProvider(request.Deadline.AddDays(-5));
        await using var services = PortalTestServices.Build(database, clock);
        await ScanAsync(services);
        clock.SetUtcNow(request.Deadline.AddDays(-2));
        await ScanAsync(services);

        await using var check = database.CreateContext();
        var subjects = await check.OutgoingMessages.Where(m => m.RequestId == request.Id).OrderBy(m => m.Id).Select(m => m.Subject).ToListAsync();
        Assert.Equal(2, subjects.Count);
        Assert.StartsWith("Five days left for Templated", subjects[0], StringComparison.Ordinal);
        Assert.Equal($"Reminder: {request.Title} is due in 2 days", subjects[1]);
    }

    private static async Task ScanAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff();
        await scope.ServiceProvider.GetRequiredService<ReminderScanner>().ScanAsync();
    }

    private async Task<DisclosureRequest> ArrangeAsync()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        await using var db = database.CreateContext();
        var request = new DisclosureRequest
        {
            Title = $"Templates {TestData.Token()}",
            LetterText = "x",
            Deadline = TestData.Now.AddDays(20),
            State = RequestState.Sent,
            SentAt = TestData.Now,
            CreatedAt = TestData.Now,
            LinkOrigin = "https://portal.example/",
        };
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        return request;
    }
}

public sealed class RequestMessageTemplateTestsOnSqlite(SqliteDatabaseFixture database) : RequestMessageTemplateTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class RequestMessageTemplateTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : RequestMessageTemplateTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
