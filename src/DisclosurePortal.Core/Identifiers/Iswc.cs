using System.Globalization;

namespace DisclosurePortal.Core.Identifiers;

/// <summary>International Standard Musical Work Code: T, nine digits and a check digit (T-034.524.680-1).</summary>
public readonly record struct Iswc
{
    private static readonly string[] Prefixes = ["ISWC"];

    private Iswc(string value) => Value = value;

    /// <summary>The canonical eleven-character form, e.g. T0345246801.</summary>
    public string Value { get; }

    /// <summary>The display form, e.g. T-034.524.680-1.</summary>
    public string Formatted => $"T-{Value[1..4]}.{Value[4..7]}.{Value[7..10]}-{Value[10]}";

    public override string ToString() => Value;

    /// <summary>Accepts any case, spaces, hyphens, dots and an "ISWC" prefix; the check digit must be right.</summary>
    public static bool TryParse(string? text, out Iswc iswc)
    {
        iswc = default;
        Span<char> code = stackalloc char[11];
        if (!IdentifierText.TryCompact(text, Prefixes, code, out var length)
            || length != 11
            || code[0] != 'T'
            || !IdentifierText.AllDigits(code[1..])
            || CheckDigits.Iswc(code[1..10]) != code[10])
        {
            return false;
        }

        iswc = new Iswc(new string(code));
        return true;
    }

    public static Iswc Parse(string text) =>
        TryParse(text, out var iswc) ? iswc : throw new FormatException($"'{text}' is not a valid ISWC.");

    /// <summary>The ISWC whose nine-digit work number is <paramref name="workNumber"/> (0–999,999,999).</summary>
    public static Iswc FromWorkNumber(int workNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workNumber, 999_999_999);
        var digits = workNumber.ToString("000000000", CultureInfo.InvariantCulture);
        return new Iswc($"T{digits}{CheckDigits.Iswc(digits)}");
    }
}
