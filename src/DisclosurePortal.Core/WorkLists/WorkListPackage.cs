using System.IO.Compression;
using DisclosurePortal.Core.Tables;

namespace DisclosurePortal.Core.WorkLists;

/// <summary>
/// Opens a stored work list for reading: the file itself, or for a .gz its content unpacked as a stream into a
/// temporary file (deleted on close) with a ceiling on the unpacked size, so a zip bomb stops at the limit instead of
/// filling the disk. Either way the reader gets a seekable stream, which workbooks need.
/// </summary>
public static class WorkListPackage
{
    private const int BufferSize = 1 << 16;

    public static bool IsGzip(ReadOnlySpan<byte> head) => head is [0x1F, 0x8B, ..];

    public static bool IsGzip(string path)
    {
        using var file = OpenFile(path, out var gzip);
        return gzip;
    }

    /// <summary>The stored file as a seekable stream of its table. Throws <see cref="WorkListFormatException"/> for a bad or oversized .gz.</summary>
    public static Stream Open(string path, long maxUnpackedBytes)
    {
        var file = OpenFile(path, out var gzip);
        if (!gzip)
        {
            return file;
        }

        using (file)
        {
            return Unpack(file, maxUnpackedBytes);
        }
    }

    /// <summary>
    /// Enough of the stored file to read its header and first rows: a .gz of text is unpacked only to
    /// <paramref name="headBytes"/> (the rest is read by the validation job); a .gz of a workbook is unpacked whole, as a workbook's index is at its end.
    /// </summary>
    public static Stream OpenHead(string path, long maxUnpackedBytes, int headBytes = 1 << 20)
    {
        var file = OpenFile(path, out var gzip);
        if (!gzip)
        {
            return file;
        }

        using (file)
        {
            var head = new byte[headBytes];
            int length;
            try
            {
                using var unpacking = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
                length = unpacking.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            }
            catch (InvalidDataException)
            {
                throw new WorkListFormatException("The file starts like a .gz archive but is damaged and cannot be unpacked. Compress it again (or upload it unpacked).");
            }

            if (head is not [(byte)'P', (byte)'K', ..])
            {
                return new MemoryStream(head, 0, length, writable: false);
            }

            file.Position = 0;
            return Unpack(file, maxUnpackedBytes);
        }
    }

    private static FileStream OpenFile(string path, out bool gzip)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        Span<byte> magic = stackalloc byte[2];
        gzip = IsGzip(magic[..file.ReadAtLeast(magic, 2, throwOnEndOfStream: false)]);
        file.Position = 0;
        return file;
    }

    private static FileStream Unpack(Stream compressed, long maxUnpackedBytes)
    {
        var unpacked = new FileStream(Path.Combine(Path.GetTempPath(), $"worklist-{Guid.NewGuid():N}.unpacked"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, BufferSize, FileOptions.DeleteOnClose);
        try
        {
            using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
            var buffer = new byte[BufferSize];
            long total = 0;
            int n;
            while ((n = gzip.Read(buffer)) > 0)
            {
                total += n;
                if (total > maxUnpackedBytes)
                {
                    throw new WorkListFormatException(
                        $"The .gz file unpacks to more than {maxUnpackedBytes / 1048576.0:N0} MB, the most a work list may hold unpacked; " +
                        "it was not read. Split the list into smaller files, or upload it unpacked.");
                }

                unpacked.Write(buffer, 0, n);
            }

            if (total == 0)
            {
                throw new WorkListFormatException("The .gz file is empty once unpacked.");
            }

            if (ProgramSignature.Of(Head(unpacked)) is { } program)
            {
                throw new WorkListFormatException($"The .gz file holds {program}, not a work list.");
            }

            unpacked.Position = 0;
            return unpacked;
        }
        catch (InvalidDataException)
        {
            unpacked.Dispose();
            throw new WorkListFormatException("The file starts like a .gz archive but is damaged and cannot be unpacked. Compress it again (or upload it unpacked).");
        }
        catch
        {
            unpacked.Dispose();
            throw;
        }
    }

    private static byte[] Head(FileStream stream)
    {
        stream.Position = 0;
        var head = new byte[8];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..read];
    }
}
