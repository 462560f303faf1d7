namespace DisclosurePortal.Core.Identifiers;

/// <summary>How a release code was written: a twelve-digit UPC-A or a thirteen-digit EAN-13.</summary>
public enum GtinKind
{
    UpcA,
    Ean13,
}

/// <summary>
/// A release's barcode number (UPC-A or EAN-13, both GS1 GTINs). The canonical form is always thirteen
/// digits (a UPC-A gains a leading 0) so the two spellings of one product compare equal.
/// </summary>
public readonly record struct Gtin
{
    private static readonly string[] Prefixes = ["GTIN-13", "GTIN13", "GTIN", "EAN-13", "EAN13", "EAN", "UPC-A", "UPCA", "UPC", "Barcode"];

    private Gtin(string value, GtinKind kind)
    {
        Value = value;
        Kind = kind;
    }

    /// <summary>The canonical thirteen-digit form.</summary>
    public string Value { get; }

    /// <summary>How the code was written when parsed (or created).</summary>
    public GtinKind Kind { get; }

    /// <summary>The twelve-digit UPC-A form when the code has one (its EAN-13 form starts with 0).</summary>
    public string? Upc => Value is ['0', ..] ? Value[1..] : null;

    /// <summary>The code as it was written: the twelve UPC-A digits or the thirteen EAN-13 digits.</summary>
    public string Formatted => Kind == GtinKind.UpcA ? Value[1..] : Value;

    public override string ToString() => Value;

    // One product, however it was written.
    public bool Equals(Gtin other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Accepts 12 or 13 digits with spaces, hyphens, dots and a UPC/EAN/GTIN prefix; the GS1 check digit must be right.</summary>
    public static bool TryParse(string? text, out Gtin gtin)
    {
        gtin = default;
        Span<char> code = stackalloc char[13];
        if (!IdentifierText.TryCompact(text, Prefixes, code, out var length)
            || length is not (12 or 13)
            || !IdentifierText.AllDigits(code[..length])
            || CheckDigits.Gs1(code[..(length - 1)]) != code[length - 1])
        {
            return false;
        }

        gtin = length == 12
            ? new Gtin("0" + new string(code[..12]), GtinKind.UpcA)
            : new Gtin(new string(code), GtinKind.Ean13);
        return true;
    }

    public static Gtin Parse(string text) =>
        TryParse(text, out var gtin) ? gtin : throw new FormatException($"'{text}' is not a valid UPC or EAN.");

    /// <summary>Appends the check digit to eleven (UPC-A) or twelve (EAN-13) data digits.</summary>
    public static Gtin FromDataDigits(string dataDigits)
    {
        if (dataDigits.Length is not (11 or 12) || !IdentifierText.AllDigits(dataDigits))
        {
            throw new ArgumentException("Expected 11 or 12 digits.", nameof(dataDigits));
        }

        return Parse(dataDigits + CheckDigits.Gs1(dataDigits));
    }
}
