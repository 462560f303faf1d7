using System.Globalization;

namespace DisclosurePortal.Core.Tables;

/// <summary>
/// Turns a worksheet cell's stored value into the text a CSV export of it would hold, so a workbook and a CSV
/// of the same catalog validate alike: numbers in full (a barcode stored as a number loses no digits and gains
/// no exponent or ".0"), dates as ISO yyyy-MM-dd, durations as h:mm:ss.
/// </summary>
internal static class SpreadsheetCellText
{
    // Excel's time-only values are dates on its day zero, which readers place on 1899-12-30 or -31.
    private static readonly DateTime FirstDay = new(1900, 1, 1);

    /// <param name="value">The cell's value as the workbook stores it (a formula's cached result, never evaluated).</param>
    /// <param name="numberFormat">The cell's number format code, when it has one.</param>
    public static string Of(object? value, string? numberFormat = null) => value switch
    {
        null => string.Empty,
        string text => text,
        double number => Number(number, numberFormat),
        bool flag => flag ? "TRUE" : "FALSE",
        DateTime date when date < FirstDay => Duration(date.TimeOfDay),
        DateTime date => date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        TimeSpan span => Duration(span),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string Number(double number, string? numberFormat)
    {
        // Decimal keeps the 15 significant digits Excel itself keeps and never writes an exponent.
        var text = Math.Abs(number) < 7.9e28
            ? ((decimal)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);

        // A format of only zeros ("000000000000") is how people keep a UPC's leading zeros in Excel.
        return numberFormat is { Length: > 0 } && numberFormat.All(c => c == '0') && number >= 0 && !text.Contains('.', StringComparison.Ordinal)
            ? text.PadLeft(numberFormat.Length, '0')
            : text;
    }

    private static string Duration(TimeSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}");
}
