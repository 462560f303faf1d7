using MimeKit;

namespace DisclosurePortal.Web;

public sealed record OutboxEntry(string FileName, DateTimeOffset WrittenAt, string To, string Subject);

public sealed record OutboxPage(IReadOnlyList<OutboxEntry> Entries, int Total);

public sealed record OutboxMessage(OutboxEntry Entry, string From, string TextBody);

/// <summary>Reads the pickup folder for the admin Outbox: newest first, one page of messages parsed at a time.</summary>
public sealed class MailOutbox(PickupFolder folder)
{
    public string FolderPath => folder.Path;

    public async Task<OutboxPage> PageAsync(int pageIndex, int pageSize, CancellationToken cancellationToken = default)
    {
        var files = Files();
        var entries = new List<OutboxEntry>();
        foreach (var file in files.Skip(pageIndex * pageSize).Take(pageSize))
        {
            if (await LoadAsync(file, cancellationToken) is { } loaded)
            {
                entries.Add(loaded.Entry);
            }
        }

        return new OutboxPage(entries, files.Count);
    }

    /// <summary>The message in <paramref name="fileName"/>, or null when the folder lists no such file.</summary>
    public async Task<OutboxMessage?> ReadAsync(string? fileName, CancellationToken cancellationToken = default)
    {
        // Only a name from the folder's own listing is opened, so "../x" or an absolute path can reach nothing else.
        var file = Files().FirstOrDefault(f => string.Equals(f.Name, fileName, StringComparison.Ordinal));
        return file is null ? null : await LoadAsync(file, cancellationToken);
    }

    private List<FileInfo> Files()
    {
        var directory = new DirectoryInfo(folder.Path);
        if (!directory.Exists)
        {
            return [];
        }

        return directory.EnumerateFiles(PickupFolder.MessagePattern)
            .Where(f => string.Equals(f.Extension, ".eml", StringComparison.OrdinalIgnoreCase)) // never a half-written .eml.tmp
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .ThenByDescending(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<OutboxMessage?> LoadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var writtenAt = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
        try
        {
            var message = await MimeMessage.LoadAsync(file.FullName, cancellationToken);
            var to = string.Join(", ", message.To.Mailboxes.Select(m => m.Address));
            return new OutboxMessage(
                new OutboxEntry(file.Name, writtenAt, to, message.Subject ?? string.Empty),
                message.From.ToString(),
                message.TextBody ?? string.Empty);
        }
        catch (FileNotFoundException)
        {
            // A relay picked the file up between listing and reading.
            return null;
        }
        catch (FormatException)
        {
            return new OutboxMessage(new OutboxEntry(file.Name, writtenAt, "—", "(not a readable e-mail)"), string.Empty, string.Empty);
        }
    }
}
