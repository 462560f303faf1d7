using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DisclosurePortal.Core.Catalog;

namespace DisclosurePortal.Data.Catalog;

/// <summary>
/// The rejected rows of a catalog import as CSV (line, reason), written as they are read so a million-row
/// report never sits in memory. UTF-8 with a BOM so spreadsheets open it with the right characters; reasons
/// quote cells from the file, so any that would start a formula is escaped.
/// </summary>
public sealed class CatalogRejectionReport : IDisposable
{
    private readonly CsvWriter csv;

    public CatalogRejectionReport(string path)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        csv = new CsvWriter(new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)), config);
        csv.WriteField("line");
        csv.WriteField("reason");
        csv.NextRecord();
    }

    public void Add(CatalogFileRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        csv.WriteField(row.Line);
        csv.WriteField(row.RejectionReason);
        csv.NextRecord();
    }

    public void Dispose() => csv.Dispose();
}
