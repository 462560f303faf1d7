using System.Net;
using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DisclosurePortal.Web;

/// <summary>
/// Account e-mails (password reset) as real MIME messages written to the pickup folder, where a mail
/// relay or an admin can read them. Links are never logged.
/// </summary>
public sealed class PickupFolderEmailSender(IOptions<EmailOptions> options, IWebHostEnvironment environment, ILogger<PickupFolderEmailSender> logger)
    : IEmailSender<PortalUser>
{
    public string PickupDirectory => Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);

    public Task SendConfirmationLinkAsync(PortalUser user, string email, string confirmationLink) =>
        SendAsync(email, "Confirm your e-mail address", $"Confirm your e-mail address for the Disclosure Portal: {confirmationLink}");

    public Task SendPasswordResetLinkAsync(PortalUser user, string email, string resetLink) =>
        SendAsync(email, "Reset your Disclosure Portal password",
            $"Someone asked to reset the password of your Disclosure Portal account.\n\nChoose a new password here: {resetLink}\n\nIf it was not you, ignore this message; your password stays as it is.");

    public Task SendPasswordResetCodeAsync(PortalUser user, string email, string resetCode) =>
        SendAsync(email, "Your Disclosure Portal reset code", $"Your password reset code: {resetCode}");

    private async Task SendAsync(string to, string subject, string text)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = WebUtility.HtmlDecode(text) };

        Directory.CreateDirectory(PickupDirectory);
        var path = Path.Combine(PickupDirectory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path);
        logger.LogInformation("E-mail '{Subject}' written to the pickup folder for {Recipient}", subject, to);
    }
}
