namespace DisclosurePortal.Core.Identifiers;

/// <summary>
/// Global Release Identifier: scheme "A1", five-character issuer, ten-character release number and an
/// ISO 7064 MOD 37,36 check character (A1-2425G-ABC1234002-M).
/// </summary>
public readonly record struct Grid
{
    private static readonly string[] Prefixes = ["GRID"];

    private Grid(string value) => Value = value;

    /// <summary>The canonical eighteen-character form, e.g. A12425GABC1234002M.</summary>
    public string Value { get; }

    /// <summary>The display form, e.g. A1-2425G-ABC1234002-M.</summary>
    public string Formatted => $"{Value[..2]}-{Value[2..7]}-{Value[7..17]}-{Value[17]}";

    public override string ToString() => Value;

    /// <summary>Accepts any case, spaces, hyphens, dots and a "GRid" prefix; the check character must be right.</summary>
    public static bool TryParse(string? text, out Grid grid)
    {
        grid = default;
        Span<char> code = stackalloc char[18];
        if (!IdentifierText.TryCompact(text, Prefixes, code, out var length)
            || length != 18
            || code[0] != 'A' || code[1] != '1'
            || CheckDigits.Mod37_36(code[..17]) != code[17])
        {
            return false;
        }

        grid = new Grid(new string(code));
        return true;
    }

    public static Grid Parse(string text) =>
        TryParse(text, out var grid) ? grid : throw new FormatException($"'{text}' is not a valid GRid.");

    /// <summary>Builds the GRid for an issuer (five alphanumerics) and a release number (ten alphanumerics).</summary>
    public static Grid Create(string issuer, string releaseNumber)
    {
        var body = $"A1{issuer}{releaseNumber}".ToUpperInvariant();
        if (issuer.Length != 5 || releaseNumber.Length != 10 || !body.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("Expected a five-character issuer and a ten-character release number.");
        }

        return new Grid(body + CheckDigits.Mod37_36(body));
    }
}
