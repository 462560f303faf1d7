namespace DisclosurePortal.Core.Tables;

/// <summary>Recognises programs by their first bytes, whatever the file's name says: an .exe renamed .csv is still a program.</summary>
public static class ProgramSignature
{
    /// <summary>What kind of program the bytes start, in words ("a Windows program"), or null for anything else.</summary>
    public static string? Of(ReadOnlySpan<byte> head) => head switch
    {
        [(byte)'M', (byte)'Z', ..] => "a Windows program (.exe or .dll)",
        [0x7F, (byte)'E', (byte)'L', (byte)'F', ..] => "a Linux program (ELF)",
        [0xCF, 0xFA, 0xED, 0xFE, ..] or [0xCE, 0xFA, 0xED, 0xFE, ..] or [0xFE, 0xED, 0xFA, 0xCE, ..] or [0xFE, 0xED, 0xFA, 0xCF, ..] => "a macOS program (Mach-O)",
        [0xCA, 0xFE, 0xBA, 0xBE, ..] => "a Java class or macOS universal program",
        [(byte)'#', (byte)'!', ..] => "a script",
        [0x00, (byte)'a', (byte)'s', (byte)'m', ..] => "a WebAssembly program",
        _ => null,
    };
}
