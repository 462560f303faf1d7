using System.Globalization;
using System.Text.RegularExpressions;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Email;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Companies;
using DisclosurePortal.Web.Features.Invitations;
using DisclosurePortal.Web.Features.Messages;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DisclosurePortal.IntegrationTests.Invitations;

/// <summary>
/// Invitations to many companies of a request, through a real SMTP server on loopback: the count shown before
/// sending, one invitation and e-mail per contact, nothing sent inside the call (the queue's sender delivers), the
/// request's own text, the link accepted once into the right company.
/// </summary>
public abstract partial class BulkInvitationTests(DatabaseFixture database)
{
    [SkippableFact]
    public async Task Each_contact_of_each_company_gets_its_own_invitation_queued_then_sent_through_smtp()
    {
        await using var smtp = new TestSmtpServer();
        var clock = new FakeTimeProvider(TestData.Now);
        await using var services = SmtpServices(smtp.Port, clock);
        var (request, a, b, c, t) = await ArrangeAsync(services);
        await using (var scope = services.SignedInScope(TestUsers.Admin()))
        {
            var saved = await scope.ServiceProvider.GetRequiredService<MessageTemplateService>().SaveAsync(request.Id, "7,3,1",
            [
                new TemplateDraft { Kind = Core.Messages.MessageKind.Invitation, Subject = "Access for {company}", Body = "Hello {contact} at {company}, due {deadline}.\n\n{link}\n\nUntil {expires}." },
            ]);
            Assert.Empty(saved);
            var bulk = scope.ServiceProvider.GetRequiredService<BulkInvitationService>();

            var plan = await bulk.PlanAsync(request.Id, InvitationTarget.All);
            Assert.Equal(new InvitationPlan(Companies: 3, Messages: 2, WithoutContacts: 2, AlreadyInvited: 0, ContactsWithAccounts: 1), plan);

            Assert.Equal(plan, await bulk.SendAsync(request.Id, InvitationTarget.All));
        }

        // Queued: nothing has gone out and no link exists yet.
        Assert.Empty(smtp.Drain());
        await using (var db = database.CreateContext())
        {
            var invitations = await db.Invitations.Where(i => i.RequestId == request.Id).ToListAsync();
            Assert.Equal([$"a1@a-{t}.example", $"a2@a-{t}.example"], invitations.Select(i => i.Email).Order());
            Assert.All(invitations, i => Assert.Null(i.TokenHash));
            Assert.Equal(2, await db.OutgoingMessages.CountAsync(m => m.RequestId == request.Id && m.Status == OutgoingMessageStatus.Queued));
        }

        // The class's tests share a database (and so a queue): only this request's mails are looked at.
        await QueuedMail.SendDueAsync(services);
        var mails = smtp.Drain().Where(m => m.EnvelopeTo[0].EndsWith($"@a-{t}.example", StringComparison.Ordinal)).OrderBy(m => m.EnvelopeTo[0]).ToList();
        Assert.Equal(2, mails.Count);
        Assert.Equal([$"a1@a-{t}.example"], mails[0].EnvelopeTo);
        Assert.Equal($"Access for {a.Name}", mails[0].Message.Subject);
        Assert.StartsWith($"Hello Anna at {a.Name}, due {request.Deadline.UtcDateTime.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture)} UTC.", mails[0].Message.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("Hello Sir or Madam at", mails[1].Message.TextBody, StringComparison.Ordinal);
        var tokens = mails.Select(m => Link().Match(m.Message.TextBody ?? string.Empty).Groups[1].Value).ToList();
        Assert.Equal(2, tokens.Distinct().Count());

        await using (var db = database.CreateContext())
        {
            Assert.All(await db.Invitations.Where(i => i.RequestId == request.Id).ToListAsync(), i => Assert.Contains(i.TokenHash, tokens.Select(InvitationToken.Hash)));
            Assert.DoesNotContain(await db.OutgoingMessages.Where(m => m.RequestId == request.Id).Select(m => m.Body).ToListAsync(), body => tokens.Any(body.Contains));
            var invited = await db.Responses.Where(r => r.RequestId == request.Id).ToDictionaryAsync(r => r.CompanyId, r => r.InvitedAt);
            Assert.Equal(TestData.Now, invited[a.Id]);
            Assert.Null(invited[b.Id]);
            Assert.Null(invited[c.Id]);
        }

        await using var anonymous = services.CreateAsyncScope();
        var accepted = await anonymous.ServiceProvider.GetRequiredService<InvitationAcceptance>().AcceptAsync(tokens[0], "Anna", "Invited-Person-2026");
        Assert.Equal(a.Id, accepted.User!.CompanyId);
        Assert.True(accepted.User.IsLeadRespondent);
    }

    [SkippableFact]
    public async Task A_selection_or_a_filter_is_whom_the_invitations_go_to_and_a_second_round_replaces_the_open_links()
    {
        await using var smtp = new TestSmtpServer();
        await using var services = SmtpServices(smtp.Port, new FakeTimeProvider(TestData.Now));
        var (request, a, b, c, t) = await ArrangeAsync(services);
        await using (var db = database.CreateContext())
        {
            db.CompanyContacts.Add(new CompanyContact { CompanyId = c.Id, Email = $"c1@c-{t}.example", CreatedAt = TestData.Now });
            await db.SaveChangesAsync();
        }

        await using var scope = services.SignedInScope(TestUsers.Admin());
        var bulk = scope.ServiceProvider.GetRequiredService<BulkInvitationService>();
        Assert.Equal(1, (await bulk.SendAsync(request.Id, InvitationTarget.Selected([c.Id]))).Messages);
        await QueuedMail.SendDueAsync(services);

        // Now C is invited: "not invited" leaves it out, and a second round to A replaces nothing of C's.
        var notInvited = new InvitationTarget(new CompanyFilter(CompanyStatus.NotInvited));
        Assert.Equal((2, 2), ((await bulk.PlanAsync(request.Id, notInvited)).Companies, (await bulk.PlanAsync(request.Id, notInvited)).Messages));
        var again = await bulk.PlanAsync(request.Id, InvitationTarget.Selected([c.Id]));
        Assert.Equal(1, again.AlreadyInvited);

        await bulk.SendAsync(request.Id, InvitationTarget.Selected([c.Id]));
        await using var check = database.CreateContext();
        var toC = await check.Invitations.Where(i => i.CompanyId == c.Id).OrderBy(i => i.Id).ToListAsync();
        Assert.Equal(2, toC.Count);
        Assert.NotNull(toC[0].RevokedAt);
        Assert.Null(toC[1].RevokedAt);
        Assert.Equal(0, await check.Invitations.CountAsync(i => i.CompanyId == a.Id || i.CompanyId == b.Id));

        await using var reviewer = services.SignedInScope(TestUsers.Reviewer());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => reviewer.ServiceProvider.GetRequiredService<BulkInvitationService>().SendAsync(request.Id, InvitationTarget.All));
    }

    /// <summary>Test services that deliver over SMTP to <paramref name="port"/> on loopback, once per attempt (the queue retries).</summary>
    internal static ServiceProvider SmtpServices(DatabaseFixture database, int port, TimeProvider clock, Microsoft.Extensions.Logging.ILoggerProvider? logs = null) =>
        PortalTestServices.Build(database, clock, new Dictionary<string, string?>
        {
            ["Email:Delivery"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:Timeout"] = "00:00:10",
            ["Email:Smtp:MaxAttempts"] = "1",
            ["Email:Queue:MaxAttempts"] = "3",
            ["Email:Queue:RetryDelay"] = "00:01:00",
        }, logs);

    private ServiceProvider SmtpServices(int port, TimeProvider clock) => SmtpServices(database, port, clock);

    /// <summary>A sent request with A (two contacts), B (one contact who already has an account) and C (no contact).</summary>
    private async Task<(DisclosureRequest Request, Company A, Company B, Company C, string Token)> ArrangeAsync(IServiceProvider services)
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        var t = TestData.Token();
        var request = new DisclosureRequest { Title = $"Bulk {t}", LetterText = "x", Deadline = TestData.Now.AddDays(30), State = RequestState.Sent, SentAt = TestData.Now, CreatedAt = TestData.Now };
        var a = new Company { Name = $"A {t}", CreatedAt = TestData.Now, Contacts = [new() { Name = "Anna", Email = $"a1@a-{t}.example" }, new() { Email = $"a2@a-{t}.example" }] };
        var b = new Company { Name = $"B {t}", CreatedAt = TestData.Now, Contacts = [new() { Email = $"b1@b-{t}.example" }] };
        var c = new Company { Name = $"C {t}", CreatedAt = TestData.Now };
        foreach (var company in new[] { a, b, c })
        {
            request.Responses.Add(new DisclosureResponse { Company = company });
        }

        await using (var db = database.CreateContext())
        {
            db.Requests.Add(request);
            await db.SaveChangesAsync();
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True((await users.CreateAsync(new PortalUser { UserName = $"b1@b-{t}.example", Email = $"b1@b-{t}.example", CompanyId = b.Id, DisplayName = "B one", CreatedAt = TestData.Now })).Succeeded);
        return (request, a, b, c, t);
    }

    [GeneratedRegex(@"/invitation/([A-Za-z0-9_-]+)")]
    private static partial Regex Link();
}

public sealed class BulkInvitationTestsOnSqlite(SqliteDatabaseFixture database) : BulkInvitationTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class BulkInvitationTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : BulkInvitationTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
