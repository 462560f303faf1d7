using System.Globalization;

namespace DisclosurePortal.Core.Identifiers;

/// <summary>
/// CISAC Interested Party Information name number: eleven digits, the last two a check (see
/// <see cref="CheckDigits.IpiName"/> for where the rule comes from). People drop leading zeros, so one
/// to eleven digits are accepted and padded on the left.
/// </summary>
public readonly record struct IpiNameNumber
{
    private static readonly string[] Prefixes = ["IPI NAME NUMBER", "IPI NAME NO", "IPI NAME", "IPI/CAE", "CAE/IPI", "IPI", "CAE"];

    private IpiNameNumber(string value) => Value = value;

    /// <summary>The canonical eleven-digit form, e.g. 00014107338.</summary>
    public string Value { get; }

    /// <summary>The display form: IPI numbers are written as eleven plain digits.</summary>
    public string Formatted => Value;

    public override string ToString() => Value;

    /// <summary>Accepts 1–11 digits with spaces, hyphens, dots and an IPI/CAE prefix; the check digits must be right.</summary>
    public static bool TryParse(string? text, out IpiNameNumber ipi)
    {
        ipi = default;
        Span<char> digits = stackalloc char[11];
        if (!IdentifierText.TryCompact(text, Prefixes, digits, out var length) || !IdentifierText.AllDigits(digits[..length]))
        {
            return false;
        }

        var value = new string(digits[..length]).PadLeft(11, '0');
        if (!string.Equals(CheckDigits.IpiName(value.AsSpan(0, 9)), value[9..], StringComparison.Ordinal))
        {
            return false;
        }

        ipi = new IpiNameNumber(value);
        return true;
    }

    public static IpiNameNumber Parse(string text) =>
        TryParse(text, out var ipi) ? ipi : throw new FormatException($"'{text}' is not a valid IPI name number.");

    /// <summary>The IPI name number whose first nine digits are <paramref name="baseNumber"/> (0–999,999,999).</summary>
    public static IpiNameNumber FromBaseDigits(int baseNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(baseNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(baseNumber, 999_999_999);
        var nine = baseNumber.ToString("000000000", CultureInfo.InvariantCulture);
        return new IpiNameNumber(nine + CheckDigits.IpiName(nine));
    }
}
