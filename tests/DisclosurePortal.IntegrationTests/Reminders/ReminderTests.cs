using DisclosurePortal.Core.Messages;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DisclosurePortal.IntegrationTests.Reminders;

/// <summary>
/// Reminders before each company's own due time (deadline or extension) and the overdue notice after it, on a
/// fake clock: only invited companies that have not submitted, each reminder once per company whatever the
/// scans, restarts or parallel scanners, the latest one only when several are due at once.
/// </summary>
public abstract class ReminderTests(DatabaseFixture database)
{
    private static readonly DateTimeOffset Start = TestData.Now;

    [SkippableFact]
    public async Task Each_company_is_reminded_before_its_own_due_time_once_and_told_when_it_is_overdue()
    {
        var (request, a, b, t) = await ArrangeAsync();
        var clock = new FakeTimeProvider(Start);

        // The class's tests share a database: what counts is what each scan queued for this request.
        async Task<int> ScanAndCountAsync(IServiceProvider services)
        {
            var before = await QueuedForAsync(request.Id);
            await ScanAsync(services);
            return await QueuedForAsync(request.Id) - before;
        }

        await using (var services = PortalTestServices.Build(database, clock))
        {
            Assert.Equal(0, await ScanAndCountAsync(services));

            // Seven days before the deadline: A's contact and its respondent; B has an extension, C submitted, D was never invited.
            clock.SetUtcNow(request.Deadline.AddDays(-7));
            Assert.Equal(2, await ScanAndCountAsync(services));
            Assert.Equal(0, await ScanAndCountAsync(services));
        }

        // A restart: new services on the same database send nothing again.
        await using (var services = PortalTestServices.Build(database, clock))
        {
            Assert.Equal(0, await ScanAndCountAsync(services));

            // Half a day before: the 3-day and 1-day reminders are both due; only the 1-day one goes.
            clock.SetUtcNow(request.Deadline.AddHours(-12));
            Assert.Equal(2, await ScanAndCountAsync(services));
            clock.SetUtcNow(request.Deadline);
            Assert.Equal(2, await ScanAndCountAsync(services));
            clock.SetUtcNow(b.ExtendedDeadline!.Value.AddDays(-7));
            Assert.Equal(1, await ScanAndCountAsync(services));
        }

        await using var db = database.CreateContext();
        var records = await db.ResponseReminders.Where(r => r.ResponseId == a.Id).OrderBy(r => r.Id).Select(r => new { r.Kind, r.DaysBefore, r.MessagesQueued, r.DueAt }).ToListAsync();
        Assert.Equal(
            [(MessageKind.Reminder, 7, 2), (MessageKind.Reminder, 3, 0), (MessageKind.Reminder, 1, 2), (MessageKind.OverdueNotice, 0, 2)],
            records.Select(r => (r.Kind, r.DaysBefore, r.MessagesQueued)));
        Assert.All(records, r => Assert.Equal(request.Deadline, r.DueAt));
        Assert.Equal([(MessageKind.Reminder, 7)], (await db.ResponseReminders.Where(r => r.ResponseId == b.Id).ToListAsync()).Select(r => (r.Kind, r.DaysBefore)));

        var messages = await db.OutgoingMessages.Where(m => m.RequestId == request.Id).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(7, messages.Count);
        Assert.Equal([$"a1@a-{t}.example", $"lead@a-{t}.example"], messages.Take(2).Select(m => m.ToAddress).Order());
        Assert.Equal($"Reminder: {request.Title} is due in 7 days", messages[0].Subject);
        Assert.Contains("https://portal.example/account/login", messages[0].Body, StringComparison.Ordinal);
        Assert.Equal($"Reminder: {request.Title} is due in 12 hours", messages[2].Subject);
        Assert.Equal($"Overdue: {request.Title}", messages[4].Subject);
        Assert.Equal([MessageKind.Reminder, MessageKind.Reminder, MessageKind.Reminder, MessageKind.Reminder, MessageKind.OverdueNotice, MessageKind.OverdueNotice, MessageKind.Reminder], messages.Select(m => m.Kind));
        Assert.All(messages, m => Assert.Equal(OutgoingMessageStatus.Queued, m.Status));
    }

    [SkippableFact]
    public async Task Two_scans_at_the_same_moment_queue_a_reminder_once()
    {
        var (request, a, _, _) = await ArrangeAsync();
        var clock = new FakeTimeProvider(request.Deadline.AddDays(-7));
        await using var first = PortalTestServices.Build(database, clock);
        await using var second = PortalTestServices.Build(database, clock);

        await Task.WhenAll(ScanAsync(first), ScanAsync(second), ScanAsync(first));

        // A's contact and respondent, by whichever scan got there first.
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.ResponseReminders.CountAsync(r => r.ResponseId == a.Id));
        Assert.Equal(2, await db.OutgoingMessages.CountAsync(m => m.RequestId == request.Id));
    }

    [SkippableFact]
    public async Task The_hosted_service_scans_at_start_and_after_each_interval_of_the_portals_clock()
    {
        var (request, a, _, _) = await ArrangeAsync();
        var clock = new FakeTimeProvider(request.Deadline.AddDays(-7));
        await using (var services = PortalTestServices.Build(database, clock, new Dictionary<string, string?> { ["Reminders:ScanInterval"] = "01:00:00" }))
        {
            var service = services.GetServices<IHostedService>().OfType<ReminderService>().Single();
            await service.StartAsync(CancellationToken.None);
            await WaitForAsync(() => RecordedAsync(a.Id), 1, clock, advance: TimeSpan.Zero);

            // Three days before: the next scan happens once the clock has moved on by the interval.
            clock.SetUtcNow(request.Deadline.AddDays(-3).AddMinutes(-30));
            await WaitForAsync(() => RecordedAsync(a.Id), 2, clock, advance: TimeSpan.FromMinutes(30));
            await service.StopAsync(CancellationToken.None);
        }

        // Started again (a restart): its first scan finds nothing new.
        await using (var services = PortalTestServices.Build(database, clock))
        {
            Assert.Equal(0, await ScanAsync(services));
        }

        Assert.Equal(2, await RecordedAsync(a.Id));
    }

    /// <summary>
    /// A sent request due in ten days with: A invited (a contact and its lead respondent), B invited with an
    /// extension of ten days more, C invited but submitted, D not invited. All due times are relative to <see cref="Start"/>.
    /// </summary>
    private async Task<(DisclosureRequest Request, DisclosureResponse A, DisclosureResponse B, string Token)> ArrangeAsync()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        var t = TestData.Token();
        var request = new DisclosureRequest
        {
            Title = $"Reminded {t}",
            LetterText = "x",
            Deadline = Start.AddDays(10),
            State = RequestState.Sent,
            SentAt = Start,
            CreatedAt = Start,
            ReminderDays = "7,3,1",
            LinkOrigin = "https://portal.example/",
        };
        DisclosureResponse Invited(string name, string email) => new()
        {
            InvitedAt = Start,
            Company = new Company { Name = $"{name} {t}", CreatedAt = Start, Contacts = [new CompanyContact { Email = email, CreatedAt = Start }] },
        };
        var a = Invited("A", $"a1@a-{t}.example");
        var b = Invited("B", $"b1@b-{t}.example");
        b.ExtendedDeadline = Start.AddDays(20);
        var c = Invited("C", $"c1@c-{t}.example");
        c.Status = ResponseStatus.Submitted;
        var d = Invited("D", $"d1@d-{t}.example");
        d.InvitedAt = null;
        request.Responses.AddRange([a, b, c, d]);
        await using var db = database.CreateContext();
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        db.Users.Add(new PortalUser { UserName = $"lead@a-{t}.example", Email = $"LEAD@a-{t}.example", DisplayName = "Lead", CompanyId = a.CompanyId, IsLeadRespondent = true, CreatedAt = Start });
        db.Users.Add(new PortalUser { UserName = $"gone@a-{t}.example", Email = $"gone@a-{t}.example", DisplayName = "Disabled", CompanyId = a.CompanyId, LockoutEnd = DateTimeOffset.MaxValue, CreatedAt = Start });
        await db.SaveChangesAsync();
        return (request, a, b, t);
    }

    private static async Task<int> ScanAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff();
        return await scope.ServiceProvider.GetRequiredService<ReminderScanner>().ScanAsync();
    }

    private async Task<int> QueuedForAsync(int requestId)
    {
        await using var db = database.CreateContext();
        return await db.OutgoingMessages.CountAsync(m => m.RequestId == requestId);
    }

    private async Task<int> RecordedAsync(int responseId)
    {
        await using var db = database.CreateContext();
        return await db.ResponseReminders.CountAsync(r => r.ResponseId == responseId);
    }

    /// <summary>
    /// Waits for the background service to have done its part; the fake clock is nudged on meanwhile, since the
    /// service may not yet be waiting on it when the test moves it. A guard against a hang, not a time assertion.
    /// </summary>
    private static async Task WaitForAsync(Func<Task<int>> count, int expected, FakeTimeProvider clock, TimeSpan advance)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await count() >= expected)
            {
                return;
            }

            clock.Advance(advance);
            await Task.Delay(50);
        }

        Assert.Fail($"The reminder service did not reach {expected} records.");
    }
}

public sealed class ReminderTestsOnSqlite(SqliteDatabaseFixture database) : ReminderTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class ReminderTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ReminderTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
