namespace DisclosurePortal.Core.Identifiers;

/// <summary>
/// International Standard Name Identifier (ISO 27729): fifteen digits and a MOD 11-2 check character
/// (0–9 or X). ORCID iDs are ISNI-format numbers and parse too.
/// </summary>
public readonly record struct Isni
{
    private static readonly string[] Prefixes =
        ["https://isni.org/isni/", "http://isni.org/isni/", "isni.org/isni/", "https://orcid.org/", "http://orcid.org/", "orcid.org/", "ISNI", "ORCID"];

    private Isni(string value) => Value = value;

    /// <summary>The canonical sixteen-character form, e.g. 000000021825009X.</summary>
    public string Value { get; }

    /// <summary>The display form in groups of four, e.g. 0000 0002 1825 0097.</summary>
    public string Formatted => $"{Value[..4]} {Value[4..8]} {Value[8..12]} {Value[12..]}";

    public override string ToString() => Value;

    /// <summary>Accepts spaces, hyphens, dots, a lower-case x, an ISNI/ORCID prefix or URL; the check character must be right.</summary>
    public static bool TryParse(string? text, out Isni isni)
    {
        isni = default;
        Span<char> code = stackalloc char[16];
        if (!IdentifierText.TryCompact(text, Prefixes, code, out var length)
            || length != 16
            || !IdentifierText.AllDigits(code[..15])
            || CheckDigits.Mod11_2(code[..15]) != code[15])
        {
            return false;
        }

        isni = new Isni(new string(code));
        return true;
    }

    public static Isni Parse(string text) =>
        TryParse(text, out var isni) ? isni : throw new FormatException($"'{text}' is not a valid ISNI.");

    /// <summary>Appends the check character to fifteen digits.</summary>
    public static Isni FromDigits(string fifteenDigits)
    {
        if (fifteenDigits.Length != 15 || !IdentifierText.AllDigits(fifteenDigits))
        {
            throw new ArgumentException("Expected 15 digits.", nameof(fifteenDigits));
        }

        return new Isni(fifteenDigits + CheckDigits.Mod11_2(fifteenDigits));
    }
}
