using System.Net;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Account;
using DisclosurePortal.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace DisclosurePortal.IntegrationTests.Email;

public sealed class SmtpDeliveryTests(LiveSmtpPortalFactory portal) : IClassFixture<LiveSmtpPortalFactory>
{
    [Fact]
    public async Task A_password_reset_arrives_over_smtp_with_a_link_that_sets_a_new_password()
    {
        var user = await portal.CreateUserAsync(PortalRoles.Reviewer, "smtp");
        using var browser = portal.NewBrowser();

        var response = await browser.SubmitAsync("/account/forgot-password", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email });

        Assert.Equal("/account/forgot-password-confirmation", response.RedirectPath);
        var mail = await portal.Smtp.NextAsync();
        Assert.Equal([user.Email], mail.EnvelopeTo);
        Assert.Equal(user.Email, Assert.Single(mail.Message.To.Mailboxes).Address);
        Assert.Equal("no-reply@disclosure-portal.local", Assert.Single(mail.Message.From.Mailboxes).Address);
        Assert.Equal("Reset your Disclosure Portal password", mail.Message.Subject);
        var link = AccountOutbox.AbsoluteResetLink(mail.Message);
        Assert.StartsWith(AccountPortalFactory.PublicOrigin + "/account/reset-password?userId=", link, StringComparison.Ordinal);
        // The HTML alternative carries the same link.
        Assert.Contains(WebUtility.HtmlEncode(link), mail.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Empty(await AccountOutbox.MessagesToAsync(portal.Outbox, user.Email));

        // The link works: the reset page accepts it and shows the form, not the invalid-link notice.
        var page = await browser.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.False(page.Has("reset-link-invalid"));
        Assert.Contains("name=\"Input.Code\"", page.Html, StringComparison.Ordinal);

        Assert.Contains(portal.Log.Lines, l => l.Level == LogLevel.Information && l.Message.Contains($"delivered through 127.0.0.1:", StringComparison.Ordinal) && l.Message.Contains(user.Email, StringComparison.Ordinal));
        Assert.DoesNotContain(portal.Log.Lines, l => l.Message.Contains("reset-password?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_delivery_sends_any_message_it_is_given()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("Disclosure Portal <no-reply@disclosure-portal.local>"));
        message.To.Add(MailboxAddress.Parse("legal@company.email.test"));
        message.Subject = "Invitation to the disclosure portal";
        message.Body = new TextPart("plain") { Text = "Hello." };

        await portal.Services.GetRequiredService<IMailDelivery>().DeliverAsync(message);

        var mail = await portal.Smtp.NextAsync();
        Assert.Equal(["legal@company.email.test"], mail.EnvelopeTo);
        Assert.Equal("Invitation to the disclosure portal", mail.Message.Subject);
        Assert.Equal("Hello.", (mail.Message.TextBody ?? string.Empty).Trim());
    }
}
