namespace DisclosurePortal.Core.Identifiers;

/// <summary>Turns pasted identifier text into its bare upper-case characters.</summary>
internal static class IdentifierText
{
    /// <summary>
    /// Strips one of <paramref name="prefixes"/> (tried in order, so list longer ones first) and the
    /// separators people type (space, hyphen, dot, no-break space), and upper-cases the rest into
    /// <paramref name="buffer"/>. False when a character is not an ASCII letter or digit, or the text is
    /// longer than the buffer.
    /// </summary>
    public static bool TryCompact(string? text, ReadOnlySpan<string> prefixes, Span<char> buffer, out int length)
    {
        length = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        foreach (var prefix in prefixes)
        {
            if (span.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                span = span[prefix.Length..].TrimStart(": #\u00A0");
                break;
            }
        }

        foreach (var c in span)
        {
            if (c is '-' or ' ' or '.' or '\u00A0')
            {
                continue;
            }

            if (length == buffer.Length || !char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }

            buffer[length++] = char.ToUpperInvariant(c);
        }

        return length > 0;
    }

    public static bool AllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
