using DisclosurePortal.Core.Messages;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.IntegrationTests.Invitations;
using DisclosurePortal.Web.Features.Invitations;
using DisclosurePortal.Web.Features.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DisclosurePortal.IntegrationTests.Email;

/// <summary>
/// The durable e-mail queue against a real SMTP server on loopback: retries with doubling delays while the server
/// is away, a refusal fails at once, a lease keeps two senders off one message, admins see failures and send them
/// again, and an invitation called off before it went is never sent.
/// </summary>
public abstract class MailQueueTests(DatabaseFixture database)
{
    [SkippableFact]
    public async Task A_message_is_retried_with_doubling_delays_then_failed_and_sent_when_an_admin_sends_it_again()
    {
        await SetUpAsync();
        var port = TestSmtpServer.FreeLoopbackPort();
        var clock = new FakeTimeProvider(TestData.Now);
        await using var services = BulkInvitationTests.SmtpServices(database, port, clock);
        var to = $"retry-{TestData.Token()}@queue.example";
        var id = await QueueAsync(to);

        // Nobody listens on the port: attempt 1 now, 2 a minute later, 3 two minutes after that, then failed.
        await SendDueAsync(services);
        var message = await MessageAsync(id);
        Assert.Equal((OutgoingMessageStatus.Queued, 1, TestData.Now.AddMinutes(1)), (message.Status, message.Attempts, message.NextAttemptAt));
        Assert.Contains("could not be delivered through 127.0.0.1", message.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", message.LastError, StringComparison.Ordinal); // a reason, not a stack trace

        clock.Advance(TimeSpan.FromSeconds(59));
        await SendDueAsync(services);
        Assert.Equal(1, (await MessageAsync(id)).Attempts);
        clock.Advance(TimeSpan.FromSeconds(1));
        await SendDueAsync(services);
        Assert.Equal((2, TestData.Now.AddMinutes(3)), ((await MessageAsync(id)).Attempts, (await MessageAsync(id)).NextAttemptAt));
        clock.Advance(TimeSpan.FromMinutes(2));
        await SendDueAsync(services);
        Assert.Equal((OutgoingMessageStatus.Failed, 3), ((await MessageAsync(id)).Status, (await MessageAsync(id)).Attempts));

        await using (var admin = services.SignedInScope(TestUsers.Admin()))
        {
            var log = admin.ServiceProvider.GetRequiredService<SendLogService>();
            var failed = await log.PageAsync(new SendLogFilter(OutgoingMessageStatus.Failed, Search: to), 0, 10);
            Assert.Equal([to], failed.Items.Select(r => r.To));

            await using var smtp = new TestSmtpServer(port);
            Assert.Equal(1, await log.ResendFailedAsync(new SendLogFilter(Search: to)));
            await SendDueAsync(services);
            Assert.Equal([to], (await smtp.NextAsync()).EnvelopeTo);
        }

        message = await MessageAsync(id);
        Assert.Equal((OutgoingMessageStatus.Sent, 1, clock.GetUtcNow()), (message.Status, message.Attempts, message.SentAt));
        Assert.Null(message.LastError);
    }

    [SkippableFact]
    public async Task A_refusal_by_the_server_fails_the_message_at_once()
    {
        await SetUpAsync();
        await using var smtp = new TestSmtpServer();
        await using var services = BulkInvitationTests.SmtpServices(database, smtp.Port, new FakeTimeProvider(TestData.Now));
        var id = await QueueAsync($"nobody-{TestData.Token()}@{TestSmtpServer.RefusedDomain}");

        await SendDueAsync(services);

        var message = await MessageAsync(id);
        Assert.Equal((OutgoingMessageStatus.Failed, 1), (message.Status, message.Attempts));
        Assert.Contains("550", message.LastError, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_message_another_sender_holds_is_left_alone_until_its_lease_runs_out()
    {
        await SetUpAsync();
        await using var smtp = new TestSmtpServer();
        var clock = new FakeTimeProvider(TestData.Now);
        await using var services = BulkInvitationTests.SmtpServices(database, smtp.Port, clock);
        var to = $"leased-{TestData.Token()}@queue.example";
        var id = await QueueAsync(to);
        await using (var db = database.CreateContext())
        {
            await db.OutgoingMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutgoingMessageStatus.Sending).SetProperty(m => m.LeaseExpiresAt, TestData.Now.AddMinutes(5)));
        }

        await SendDueAsync(services);
        Assert.Equal(OutgoingMessageStatus.Sending, (await MessageAsync(id)).Status);

        // The holder died: once the lease is over the message is taken and sent.
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await SendDueAsync(services);
        Assert.Equal(OutgoingMessageStatus.Sent, (await MessageAsync(id)).Status);
        Assert.Contains(smtp.Drain(), m => m.EnvelopeTo[0] == to);
    }

    [SkippableFact]
    public async Task An_invitation_revoked_before_its_e_mail_went_is_not_sent_and_its_link_never_existed()
    {
        await SetUpAsync();
        await using var smtp = new TestSmtpServer();
        await using var services = BulkInvitationTests.SmtpServices(database, smtp.Port, new FakeTimeProvider(TestData.Now));
        int companyId;
        await using (var db = database.CreateContext())
        {
            companyId = (await TestData.CreateTwoCompaniesAsync(db)).A.Id;
        }

        var to = $"revoked-{TestData.Token()}@queue.example";
        await using (var admin = services.SignedInScope(TestUsers.Admin()))
        {
            var invitations = admin.ServiceProvider.GetRequiredService<InvitationService>();
            Assert.True((await invitations.InviteAsync(companyId, to)).Sent);
            var row = (await invitations.ListAsync(companyId)).Single(r => r.Email == to);
            Assert.Equal(InvitationState.Queued, row.State);
            await invitations.RevokeAsync(row.Id);
        }

        await SendDueAsync(services);
        Assert.DoesNotContain(smtp.Drain(), m => m.EnvelopeTo[0] == to);
        await using var check = database.CreateContext();
        var message = await check.OutgoingMessages.SingleAsync(m => m.ToAddress == to);
        Assert.Equal((OutgoingMessageStatus.Failed, InvitationIssuer.Revoked), (message.Status, message.LastError));
        Assert.Null((await check.Invitations.SingleAsync(i => i.Email == to)).TokenHash);

        await using var log = services.SignedInScope(TestUsers.Admin());
        Assert.Equal(0, await log.ServiceProvider.GetRequiredService<SendLogService>().ResendFailedAsync(new SendLogFilter(Search: to)));
    }

    private async Task SetUpAsync()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
    }

    private async Task<long> QueueAsync(string to)
    {
        await using var db = database.CreateContext();
        var message = QueuedMessages.New(MessageKind.Reminder, to, "Queue test", "Body\n\nhttps://portal.test/account/login", null, null, null, TestData.Now);
        db.OutgoingMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<OutgoingMessage> MessageAsync(long id)
    {
        await using var db = database.CreateContext();
        return await db.OutgoingMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private static Task<int> SendDueAsync(IServiceProvider services) => QueuedMail.SendDueAsync(services);
}

public sealed class MailQueueTestsOnSqlite(SqliteDatabaseFixture database) : MailQueueTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class MailQueueTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : MailQueueTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
