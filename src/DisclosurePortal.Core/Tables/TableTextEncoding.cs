using System.Buffers;
using System.Text;

namespace DisclosurePortal.Core.Tables;

/// <summary>Decides from a text file's first bytes how to decode it, and refuses files that are not text.</summary>
internal static class TableTextEncoding
{
    // C0 controls but tab, line breaks, form feed, ESC and the old DOS end-of-file mark (0x1A), which real text exports contain.
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 28, 29, 30, 31]);

    /// <summary>
    /// UTF-8 or UTF-16 by byte order mark; UTF-16 without one by its zero bytes; UTF-8 when the head is valid
    /// UTF-8, else Windows-1252. The returned UTF-8 throws on invalid bytes further on rather than guessing.
    /// </summary>
    /// <param name="head">The file's first bytes.</param>
    /// <param name="complete">Whether <paramref name="head"/> is the whole file (a cut multi-byte character is then an error).</param>
    public static Encoding Sniff(ReadOnlySpan<byte> head, bool complete, TableFileSubject subject)
    {
        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        switch (head)
        {
            case [0xEF, 0xBB, 0xBF, ..]:
                return strictUtf8;
            case [0xFF, 0xFE, ..]:
                return Encoding.Unicode;
            case [0xFE, 0xFF, ..]:
                return Encoding.BigEndianUnicode;
        }

        if (head.Contains((byte)0) && Utf16WithoutBom(head) is { } utf16)
        {
            return utf16;
        }

        if (LooksBinary(head))
        {
            throw subject.Refuse($"This is not a text file. Import the {subject.Noun} as CSV (comma- or tab-separated) or as an Excel workbook (.xlsx).");
        }

        // Spreadsheet exports on Windows are often in the ANSI code page: decode those as Windows-1252 rather
        // than turning every accented letter into U+FFFD.
        return IsUtf8(head, complete) ? strictUtf8 : Windows1252;
    }

    /// <summary>The people's name of an encoding the sniffer can choose, for showing what a file was read as.</summary>
    public static string Name(Encoding encoding) => encoding.CodePage switch
    {
        65001 => "UTF-8",
        1200 => "UTF-16 LE",
        1201 => "UTF-16 BE",
        1252 => "Windows-1252",
        _ => encoding.WebName,
    };

    /// <summary>Windows-1252, which .NET only has once the code-page provider is registered.</summary>
    public static Encoding Windows1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    // Text in UTF-16 has a zero in every other byte when it is mostly ASCII (headers always are);
    // a stray NUL character (two zero bytes) is tolerated so it can be rejected with its row.
    private static Encoding? Utf16WithoutBom(ReadOnlySpan<byte> head)
    {
        var evenZeros = 0;
        var oddZeros = 0;
        for (var i = 0; i + 1 < head.Length; i += 2)
        {
            evenZeros += head[i] == 0 ? 1 : 0;
            oddZeros += head[i + 1] == 0 ? 1 : 0;
        }

        var pairs = head.Length / 2;
        if (pairs < 2)
        {
            return null;
        }

        if (oddZeros > pairs * 0.9 && evenZeros <= pairs / 100)
        {
            return Encoding.Unicode;
        }

        return evenZeros > pairs * 0.9 && oddZeros <= pairs / 100 ? Encoding.BigEndianUnicode : null;
    }

    // A header line is printable text, and a text file has at most the odd stray control byte; binary files
    // have them everywhere. A few stray ones are let through for the rows that hold them to be rejected.
    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOfAny((byte)'\r', (byte)'\n');
        if ((lineEnd < 0 ? head : head[..lineEnd]).ContainsAny(ControlBytes))
        {
            return true;
        }

        var controls = 0;
        foreach (var b in head)
        {
            controls += ControlBytes.Contains(b) ? 1 : 0;
        }

        return controls > head.Length / 100;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> head, bool complete)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(head, new char[head.Length], out _, out _, replaceInvalidSequences: false, isFinalBlock: complete);
        return status is OperationStatus.Done or OperationStatus.NeedMoreData;
    }
}
