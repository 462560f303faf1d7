using System.Security.Cryptography;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>A file received in full: where it is, how big, and its SHA-256 (lower-case hex).</summary>
public sealed record ReceivedFile(string Path, long SizeBytes, string Sha256, byte[] Head);

/// <summary>The first bytes showed a file that is not wanted (a program); the partial file is already deleted.</summary>
public sealed class FileRefusedException(string message) : Exception(message);

/// <summary>The stream was longer than allowed; the partial file is already deleted.</summary>
public sealed class FileTooLargeException(long maxBytes) : Exception($"The file is larger than {maxBytes / 1024 / 1024} MB.");

/// <summary>
/// Streams an upload to a new file while hashing it, never holding it whole in memory. A transfer that fails or
/// goes over the limit leaves no file behind; a finished one is made read-only, since it is kept as evidence.
/// </summary>
public static class HashedFileCopy
{
    private const int BufferSize = 81920;
    private const int HeadLength = 64;

    /// <param name="screenHead">Given the first bytes once they are in, the reason to refuse the file, or null: a refused file stops there, not after it arrived in full.</param>
    public static async Task<ReceivedFile> ReceiveAsync(Stream content, string path, long maxBytes, CancellationToken cancellationToken, Func<byte[], string?>? screenHead = null)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new List<byte>(HeadLength);
        long size = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new FileTooLargeException(maxBytes);
                    }

                    if (head.Count < HeadLength)
                    {
                        head.AddRange(buffer.Take(Math.Min(read, HeadLength - head.Count)));
                        if (screenHead?.Invoke([.. head]) is { } refusal)
                        {
                            throw new FileRefusedException(refusal);
                        }
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            File.SetAttributes(path, FileAttributes.ReadOnly);
            return new ReceivedFile(path, size, Convert.ToHexStringLower(hash.GetHashAndReset()), [.. head]);
        }
        catch
        {
            Delete(path);
            throw;
        }
    }

    /// <summary>Removes a stored file that turned out not to be wanted (read-only or not).</summary>
    public static void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.SetAttributes(path, FileAttributes.Normal);
            File.Delete(path);
        }
    }
}
