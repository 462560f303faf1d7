using System.Globalization;
using MimeKit;

namespace DisclosurePortal.Web;

/// <summary>
/// Writes each message as <c>&lt;timestamp&gt;-&lt;id&gt;.eml</c> into the pickup folder. The file is written under a
/// temporary name and then moved, so a relay or the Outbox page never reads half a message.
/// </summary>
public sealed class PickupFolderMailDelivery(PickupFolder folder, TimeProvider clock, ILogger<PickupFolderMailDelivery> logger) : IMailDelivery
{
    public async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder.Path);
        var name = $"{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(folder.Path, name);
        var temporary = path + ".tmp";
        try
        {
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            logger.LogError(ex, "E-mail '{Subject}' to {Recipient} could not be written to the pickup folder", message.Subject, MailLogText.Recipients(message));
            throw new MailDeliveryException($"The e-mail '{message.Subject}' could not be written to the pickup folder {folder.Path}.", ex);
        }

        logger.LogInformation("E-mail '{Subject}' to {Recipient} written to the pickup folder as {FileName}", message.Subject, MailLogText.Recipients(message), name);
    }
}
