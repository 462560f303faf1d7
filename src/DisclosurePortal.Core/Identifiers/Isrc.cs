namespace DisclosurePortal.Core.Identifiers;

/// <summary>
/// International Standard Recording Code: CC-XXX-YY-NNNNN (country, registrant, year, designation).
/// ISRC has no check digit, so validity is purely structural.
/// </summary>
public readonly record struct Isrc
{
    private Isrc(string value) => Value = value;

    /// <summary>The canonical twelve-character form, upper case without separators.</summary>
    public string Value { get; }

    /// <summary>The display form with hyphens, e.g. GB-EMI-76-00012.</summary>
    public string Formatted => $"{Value[..2]}-{Value[2..5]}-{Value[5..7]}-{Value[7..]}";

    public override string ToString() => Value;

    /// <summary>Accepts any case, spaces, hyphens and dots, and an "ISRC" prefix as people paste them.</summary>
    public static bool TryParse(string? text, out Isrc isrc)
    {
        isrc = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[12];
        var length = 0;
        var span = text.AsSpan().Trim();
        if (span.StartsWith("ISRC", StringComparison.OrdinalIgnoreCase))
        {
            span = span[4..].TrimStart(": ");
        }

        foreach (var c in span)
        {
            if (c is '-' or ' ' or '.' or '\u00A0')
            {
                continue;
            }

            if (length == 12 || !char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }

            buffer[length++] = char.ToUpperInvariant(c);
        }

        if (length != 12 || !IsStructurallyValid(buffer))
        {
            return false;
        }

        isrc = new Isrc(new string(buffer));
        return true;
    }

    public static Isrc Parse(string text) =>
        TryParse(text, out var isrc) ? isrc : throw new FormatException($"'{text}' is not a valid ISRC.");

    private static bool IsStructurallyValid(ReadOnlySpan<char> code)
    {
        // Country: two letters; registrant: three alphanumerics; year and designation: seven digits.
        if (!char.IsAsciiLetterUpper(code[0]) || !char.IsAsciiLetterUpper(code[1]))
        {
            return false;
        }

        for (var i = 7; i < 12; i++)
        {
            if (!char.IsAsciiDigit(code[i]))
            {
                return false;
            }
        }

        return char.IsAsciiDigit(code[5]) && char.IsAsciiDigit(code[6]);
    }
}
