using System.Text.RegularExpressions;

namespace DisclosurePortal.E2E.Infrastructure;

/// <summary>Reads the e-mails the portal wrote to its pickup folder, as a person would find them in their mailbox.</summary>
internal static partial class PickupFolderMail
{
    /// <summary>The invitation link in the newest message to <paramref name="to"/> written after <paramref name="sentAfter"/>; waits (bounded) for the sender.</summary>
    public static async Task<string> InvitationLinkAsync(this PortalFixture portal, string to, DateTime sentAfter)
    {
        var folder = Path.Combine(portal.DataDirectory, "outbox");
        for (var attempt = 0; attempt < 300; attempt++)
        {
            foreach (var file in (Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : []).OrderByDescending(File.GetLastWriteTimeUtc))
            {
                var text = await File.ReadAllTextAsync(file);
                if (File.GetLastWriteTimeUtc(file) >= sentAfter && text.Contains($"To: {to}", StringComparison.OrdinalIgnoreCase)
                    && InvitationLink().Match(text) is { Success: true } match)
                {
                    return match.Value;
                }
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No invitation to {to} arrived in {folder}.");
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/invitation/[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();
}
