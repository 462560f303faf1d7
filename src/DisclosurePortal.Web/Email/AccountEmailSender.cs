using System.Net;
using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DisclosurePortal.Web;

/// <summary>
/// Account e-mails (password reset, confirmation) as MIME messages — plain text with a simple HTML alternative —
/// handed to <see cref="IMailDelivery"/>. Links and codes are never logged.
/// </summary>
public sealed class AccountEmailSender(IMailDelivery delivery, IOptions<EmailOptions> options) : IEmailSender<PortalUser>
{
    public Task SendConfirmationLinkAsync(PortalUser user, string email, string confirmationLink) =>
        SendAsync(email, "Confirm your e-mail address",
            ["Confirm your e-mail address for the Disclosure Portal:"], Link(confirmationLink), []);

    public Task SendPasswordResetLinkAsync(PortalUser user, string email, string resetLink) =>
        SendAsync(email, "Reset your Disclosure Portal password",
            ["Someone asked to reset the password of your Disclosure Portal account.", "Choose a new password here:"],
            Link(resetLink),
            ["If it was not you, ignore this message; your password stays as it is."]);

    public Task SendPasswordResetCodeAsync(PortalUser user, string email, string resetCode) =>
        SendAsync(email, "Your Disclosure Portal reset code", [$"Your password reset code: {WebUtility.HtmlDecode(resetCode)}"], null, []);

    /// <summary>Identity's contract passes links HTML-encoded; the portal's own pages pass them plain. Both end up plain here.</summary>
    private static string Link(string link) => WebUtility.HtmlDecode(link);

    private Task SendAsync(string to, string subject, IReadOnlyList<string> before, string? link, IReadOnlyList<string> after) =>
        delivery.DeliverAsync(PortalMail.Create(options.Value.From, to, subject, before, link, after));
}

/// <summary>The portal's e-mails: plain text with a simple HTML alternative, a link on a line of its own.</summary>
public static class PortalMail
{
    public static MimeMessage Create(string from, string to, string subject, IReadOnlyList<string> before, string? link, IReadOnlyList<string> after)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;

        var text = before.Concat(link is null ? [] : [link]).Concat(after);
        var html = before.Select(Paragraph)
            .Concat(link is null ? [] : [$"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>"])
            .Concat(after.Select(Paragraph));
        message.Body = new BodyBuilder
        {
            TextBody = string.Join("\n\n", text) + "\n",
            HtmlBody = $"<!DOCTYPE html>\n<html><body style=\"font-family:sans-serif\">\n{string.Join("\n", html)}\n</body></html>\n",
        }.ToMessageBody();
        return message;
    }

    /// <summary>
    /// A message written as plain text (a template's output): paragraphs are separated by blank lines, and a
    /// paragraph that is only a link becomes a link in the HTML part.
    /// </summary>
    public static MimeMessage FromText(string from, string to, string subject, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var paragraphs = body.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        var link = paragraphs.FirstOrDefault(IsLink);
        var at = link is null ? paragraphs.Count : paragraphs.IndexOf(link);
        return Create(from, to, subject, paragraphs[..at], link, paragraphs[Math.Min(at + 1, paragraphs.Count)..]);
    }

    private static bool IsLink(string paragraph) =>
        !paragraph.Contains(' ', StringComparison.Ordinal) && Uri.TryCreate(paragraph, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static string Paragraph(string text) => $"<p>{WebUtility.HtmlEncode(text).Replace("\n", "<br>\n", StringComparison.Ordinal)}</p>";
}
