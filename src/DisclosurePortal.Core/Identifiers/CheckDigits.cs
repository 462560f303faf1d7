namespace DisclosurePortal.Core.Identifiers;

/// <summary>
/// The check-character rules of the identifiers the portal reads. Inputs are canonical
/// (upper case, separators removed) and exclude the check character itself.
/// </summary>
internal static class CheckDigits
{
    private const string Alphanumerics = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>ISWC (ISO 15707): 1 + Σ i·dᵢ over the nine digits, check = (10 − sum mod 10) mod 10.</summary>
    public static char Iswc(ReadOnlySpan<char> nineDigits)
    {
        var sum = 1;
        for (var i = 0; i < nineDigits.Length; i++)
        {
            sum += (i + 1) * (nineDigits[i] - '0');
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>GS1 mod 10 (UPC, EAN): weights 3,1,3,… from the rightmost data digit.</summary>
    public static char Gs1(ReadOnlySpan<char> dataDigits)
    {
        var sum = 0;
        for (var i = 0; i < dataDigits.Length; i++)
        {
            var weight = i % 2 == 0 ? 3 : 1;
            sum += weight * (dataDigits[dataDigits.Length - 1 - i] - '0');
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>ISO 7064 MOD 11-2 (ISNI, ORCID): a check value of 10 is written X.</summary>
    public static char Mod11_2(ReadOnlySpan<char> digits)
    {
        var total = 0;
        foreach (var c in digits)
        {
            total = (total + (c - '0')) * 2 % 11;
        }

        var check = (12 - total) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    /// <summary>ISO 7064 hybrid MOD 37,36 (GRid) over digits and letters A–Z valued 10–35.</summary>
    public static char Mod37_36(ReadOnlySpan<char> characters)
    {
        const int m = 36;
        var product = m;
        foreach (var c in characters)
        {
            var sum = (product + Alphanumerics.IndexOf(c, StringComparison.Ordinal)) % m;
            product = (sum == 0 ? m : sum) * 2 % (m + 1);
        }

        // The check character brings the final sum to 1.
        return Alphanumerics[(m + 1 - product) % m];
    }

    /// <summary>
    /// IPI name number: weights 10..2 over the first nine digits, sum mod 101, two check digits
    /// (101 − r) mod 100, or 00 when r is 0. Not from a published CISAC text (the IPI specification is
    /// not public); taken from the open-source CWR toolkit django-music-publisher and verified by hand
    /// against real published numbers (00014107338, 00045620792, 00052210040, 00334284961).
    /// </summary>
    public static string IpiName(ReadOnlySpan<char> nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < nineDigits.Length; i++)
        {
            sum += (10 - i) * (nineDigits[i] - '0');
        }

        var remainder = sum % 101;
        var check = remainder == 0 ? 0 : (101 - remainder) % 100;
        return check.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }
}
