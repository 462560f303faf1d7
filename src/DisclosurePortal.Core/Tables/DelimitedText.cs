using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace DisclosurePortal.Core.Tables;

/// <summary>How every uploaded table (catalog files, work lists) is parsed: one set of CSV rules for all.</summary>
public static class DelimitedText
{
    /// <summary>The delimiters people's exports use; CsvHelper picks the one that fits the header.</summary>
    public static readonly string[] Delimiters = [",", ";", "\t", "|"];

    /// <summary>
    /// Delimiter detected, short rows tolerated, cells trimmed, blank lines skipped; a row with broken quoting
    /// is reported through <paramref name="badDataFound"/> so the caller can reject that row, not the file.
    /// CsvHelper calls it as each cell is taken out of the record, not when the row is read.
    /// </summary>
    public static CsvConfiguration Configuration(BadDataFound badDataFound) => new(CultureInfo.InvariantCulture)
    {
        DetectDelimiter = true,
        DetectDelimiterValues = Delimiters,
        MissingFieldFound = null,
        BadDataFound = badDataFound,
        TrimOptions = TrimOptions.Trim,
        IgnoreBlankLines = true,
    };
}
