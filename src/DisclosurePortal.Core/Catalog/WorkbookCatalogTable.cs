using System.IO.Compression;
using System.Xml;
using DisclosurePortal.Core.Tables;
using ExcelDataReader;

namespace DisclosurePortal.Core.Catalog;

/// <summary>
/// The first worksheet of an .xlsx workbook, read row by row from the sheet's XML by ExcelDataReader (never
/// loaded whole). Cells are data: a formula cell gives the result Excel cached when it was saved, never re-evaluated.
/// </summary>
internal sealed class WorkbookCatalogTable : CatalogTable
{
    private readonly IExcelDataReader sheet;

    private WorkbookCatalogTable(IExcelDataReader sheet) => this.sheet = sheet;

    public override string Format => $"Excel workbook (sheet '{sheet.Name}')";

    /// <summary>Opens a zip that holds a workbook; any other zip is refused.</summary>
    public static WorkbookCatalogTable OpenWorkbook(Stream stream)
    {
        var start = stream.Position;
        RefuseOtherZips(stream);
        stream.Position = start;

        // ExcelDataReader's configuration looks up code page 1252 (used for .xls only) when it is created.
        _ = CatalogTextEncoding.Windows1252;
        try
        {
            return new WorkbookCatalogTable(ExcelReaderFactory.CreateOpenXmlReader(stream, new ExcelReaderConfiguration { LeaveOpen = true }));
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or ExcelDataReader.Exceptions.ExcelReaderException)
        {
            throw Damaged();
        }
    }

    protected override CatalogTableRow? ReadRow()
    {
        if (!Advance())
        {
            return null;
        }

        var cells = new string[sheet.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = SpreadsheetCellText.Of(sheet.GetValue(i), sheet.GetNumberFormatString(i)).Trim();
        }

        // Depth counts every row from the top of the sheet, empty ones included: it is the row number Excel shows, less one.
        return new CatalogTableRow(sheet.Depth + 1, cells);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            sheet.Dispose();
        }
    }

    private bool Advance()
    {
        try
        {
            return sheet.Read();
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or ExcelDataReader.Exceptions.ExcelReaderException)
        {
            throw Damaged();
        }
    }

    private static void RefuseOtherZips(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("xl/workbook.xml") is not null)
            {
                return;
            }

            throw new CatalogFileException(zip.GetEntry("xl/workbook.bin") is not null
                ? "This is an Excel binary workbook (.xlsb). Save it as an Excel Workbook (.xlsx) or as CSV and import again."
                : "This is a zip archive without an Excel workbook in it. Import the catalog as an Excel Workbook (.xlsx) or as CSV (comma- or tab-separated).");
        }
        catch (InvalidDataException)
        {
            throw Damaged();
        }
    }

    private static CatalogFileException Damaged() =>
        new("This looks like an Excel workbook (.xlsx) or zip file, but it is damaged and cannot be read. Open it in Excel, save it again and import again.");
}
