using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Account;
using DisclosurePortal.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DisclosurePortal.IntegrationTests.Email;

public sealed class SmtpFailureTests(UnreachableSmtpPortalFactory portal) : IClassFixture<UnreachableSmtpPortalFactory>
{
    [Fact]
    public async Task An_unreachable_server_fails_clearly_after_the_retries()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("no-reply@disclosure-portal.local"));
        message.To.Add(MailboxAddress.Parse("nobody@company.email.test"));
        message.Subject = "Unreachable";
        message.Body = new TextPart("plain") { Text = "Hello." };

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => portal.Services.GetRequiredService<IMailDelivery>().DeliverAsync(message));

        Assert.Contains("'Unreachable'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("after 3 attempt(s)", failure.Message, StringComparison.Ordinal);
        Assert.NotNull(failure.InnerException);
        var retries = portal.Log.Lines.Where(l => l.Level == LogLevel.Warning && l.Message.Contains("'Unreachable' to nobody@company.email.test", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, retries.Count);
    }

    [Fact]
    public async Task Forgot_password_still_answers_neutrally_and_logs_the_failure()
    {
        var user = await portal.CreateUserAsync(PortalRoles.Reviewer, "unreachable");
        using var browser = portal.NewBrowser();

        var response = await browser.SubmitAsync("/account/forgot-password", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email });

        Assert.Equal("/account/forgot-password-confirmation", response.RedirectPath);
        var confirmation = await browser.GetAsync(response.RedirectPath!);
        Assert.Contains("If an active account uses that address", confirmation.TextOf("reset-link-sent"), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", confirmation.Html, StringComparison.Ordinal);
        Assert.Contains(portal.Log.Lines, l => l.Level == LogLevel.Error && l.Message.Contains($"to {user.Email} could not be delivered", StringComparison.Ordinal));
        Assert.Contains(portal.Log.Lines, l => l.Level == LogLevel.Error && l.Message.Contains($"Password reset link for user {user.Id} was not sent", StringComparison.Ordinal));
        Assert.DoesNotContain(portal.Log.Lines, l => l.Message.Contains("reset-password?", StringComparison.Ordinal));
    }
}

public sealed class EmailOptionsValidationTests
{
    [Fact]
    public void Smtp_delivery_without_a_host_stops_the_portal_at_start_up()
    {
        using var portal = new SmtpWithoutHostPortalFactory();

        var failure = Assert.ThrowsAny<Exception>(() => portal.Services);

        var validation = Assert.IsType<OptionsValidationException>(Unwrap(failure));
        Assert.Contains("Email:Smtp:Host is required when Email:Delivery is Smtp.", validation.Failures);
    }

    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : exception;
}
