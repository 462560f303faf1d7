using System.IO.Compression;
using System.Xml;
using ExcelDataReader;

namespace DisclosurePortal.Core.Tables;

/// <summary>
/// The first worksheet of an .xlsx workbook, read row by row from the sheet's XML by ExcelDataReader (never
/// loaded whole). Cells are data: a formula cell gives the result Excel cached when it was saved, never re-evaluated.
/// </summary>
internal sealed class WorkbookTableFile : TableFile
{
    private readonly IExcelDataReader sheet;
    private readonly TableFileSubject subject;

    private WorkbookTableFile(IExcelDataReader sheet, TableFileSubject subject) => (this.sheet, this.subject) = (sheet, subject);

    public override string Format => $"Excel workbook (sheet '{sheet.Name}')";

    /// <summary>Opens a zip that holds a workbook; any other zip is refused.</summary>
    public static WorkbookTableFile OpenWorkbook(Stream stream, TableFileSubject subject)
    {
        var start = stream.Position;
        RefuseOtherZips(stream, subject);
        stream.Position = start;

        // ExcelDataReader's configuration looks up code page 1252 (used for .xls only) when it is created.
        _ = TableTextEncoding.Windows1252;
        try
        {
            return new WorkbookTableFile(ExcelReaderFactory.CreateOpenXmlReader(stream, new ExcelReaderConfiguration { LeaveOpen = true }), subject);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or ExcelDataReader.Exceptions.ExcelReaderException)
        {
            throw Damaged(subject);
        }
    }

    protected override TableFileRow? ReadRow()
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
        return new TableFileRow(sheet.Depth + 1, cells);
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
            throw Damaged(subject);
        }
    }

    private static void RefuseOtherZips(Stream stream, TableFileSubject subject)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("xl/workbook.xml") is not null)
            {
                return;
            }

            throw subject.Refuse(zip.GetEntry("xl/workbook.bin") is not null
                ? "This is an Excel binary workbook (.xlsb). Save it as an Excel Workbook (.xlsx) or as CSV and import again."
                : $"This is a zip archive without an Excel workbook in it. Import the {subject.Noun} as an Excel Workbook (.xlsx) or as CSV (comma- or tab-separated).");
        }
        catch (InvalidDataException)
        {
            throw Damaged(subject);
        }
    }

    private static Exception Damaged(TableFileSubject subject) =>
        subject.Refuse("This looks like an Excel workbook (.xlsx) or zip file, but it is damaged and cannot be read. Open it in Excel, save it again and import again.");
}
