using System.Text.RegularExpressions;
using MimeKit;

namespace DisclosurePortal.IntegrationTests.Account;

/// <summary>Reads the .eml files the portal wrote to its pickup folder.</summary>
public static partial class AccountOutbox
{
    public static async Task<IReadOnlyList<MimeMessage>> MessagesToAsync(string outbox, string email)
    {
        if (!Directory.Exists(outbox))
        {
            return [];
        }

        var messages = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(outbox, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase)))
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    /// <summary>The reset link in a message, as a local path and query.</summary>
    public static string ResetLink(MimeMessage message) => new Uri(AbsoluteResetLink(message)).PathAndQuery;

    public static string AbsoluteResetLink(MimeMessage message)
    {
        var match = Link().Match(message.TextBody ?? string.Empty);
        Assert.True(match.Success, "The e-mail has no reset link.");
        return match.Value;
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex Link();
}
