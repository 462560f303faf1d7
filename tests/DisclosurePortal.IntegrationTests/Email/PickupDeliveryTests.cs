using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace DisclosurePortal.IntegrationTests.Email;

public sealed class PickupDeliveryTests
{
    [Fact]
    public async Task Pickup_delivery_writes_one_complete_eml_and_no_temporary_file()
    {
        using var folder = new TempDirectory("pickup");
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 30, 15, 123, TimeSpan.Zero));
        var delivery = new PickupFolderMailDelivery(new PickupFolder(folder.Combine("outbox")), clock, NullLogger<PickupFolderMailDelivery>.Instance);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("no-reply@disclosure-portal.local"));
        message.To.Add(MailboxAddress.Parse("legal@company.email.test"));
        message.Subject = "Your disclosure request";
        // Large enough that a half-written file would be noticed.
        var body = string.Join("\n", Enumerable.Range(1, 5000).Select(i => $"Line {i} of the letter."));
        message.Body = new TextPart("plain") { Text = body };

        await delivery.DeliverAsync(message);

        var file = Assert.Single(Directory.GetFiles(folder.Combine("outbox")));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        Assert.StartsWith("20260302093015123-", Path.GetFileName(file), StringComparison.Ordinal);
        var written = await MimeMessage.LoadAsync(file);
        Assert.Equal("Your disclosure request", written.Subject);
        Assert.Equal("legal@company.email.test", Assert.Single(written.To.Mailboxes).Address);
        Assert.Equal(body, (written.TextBody ?? string.Empty).TrimEnd());
    }
}
