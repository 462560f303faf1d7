using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace DisclosurePortal.Core.Tests;

/// <summary>
/// Writes the few parts of an .xlsx that a reader needs, by hand, so a test states each cell exactly as a
/// workbook stores it: shared strings, numbers, styles, formulas with their cached results, sparse rows.
/// </summary>
internal sealed class TestWorkbook(string sheetName = "Recordings")
{
    /// <summary>Cell styles: index into the style sheet written by <see cref="ToBytes"/>.</summary>
    public const int DateStyle = 1;
    public const int ZeroPaddedStyle = 2;
    public const int DurationStyle = 3;

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string DocumentRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly List<string> strings = [];
    private readonly StringBuilder rows = new();

    /// <summary>A cell written as given: <paramref name="xml"/> goes inside &lt;c&gt; with the type attribute.</summary>
    public sealed record Cell(string? Type, string Xml, int Style = 0);

    /// <summary>A formula with the text result Excel cached when saving; null leaves no cached value.</summary>
    public static Cell Formula(string formula, string? cachedText) =>
        new("str", $"<f>{SecurityElement.Escape(formula)}</f>" + (cachedText is null ? string.Empty : $"<v>{SecurityElement.Escape(cachedText)}</v>"));

    public static Cell NumberFormula(string formula, double cached) =>
        new(null, $"<f>{SecurityElement.Escape(formula)}</f><v>{cached.ToString("R", CultureInfo.InvariantCulture)}</v>");

    public static Cell Styled(double number, int style) => new(null, $"<v>{number.ToString("R", CultureInfo.InvariantCulture)}</v>", style);

    /// <summary>Adds spreadsheet row <paramref name="number"/> (1-based); strings are shared, numbers stored as numbers, nulls left out.</summary>
    public TestWorkbook Row(int number, params object?[] cells)
    {
        rows.Append(CultureInfo.InvariantCulture, $"<row r=\"{number}\">");
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i] switch
            {
                null => null,
                Cell given => given,
                string text => new Cell("s", $"<v>{Share(text)}</v>"),
                var value => new Cell(null, $"<v>{Convert.ToString(value, CultureInfo.InvariantCulture)}</v>"),
            };
            if (cell is not null)
            {
                var type = cell.Type is null ? string.Empty : $" t=\"{cell.Type}\"";
                var style = cell.Style == 0 ? string.Empty : $" s=\"{cell.Style}\"";
                rows.Append(CultureInfo.InvariantCulture, $"<c r=\"{(char)('A' + i)}{number}\"{type}{style}>{cell.Xml}</c>");
            }
        }

        rows.Append("</row>");
        return this;
    }

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml",
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
                "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
                "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" +
                "</Types>");
            Add(zip, "_rels/.rels",
                $"<Relationships xmlns=\"{Relationships}\"><Relationship Id=\"rId1\" Type=\"{DocumentRelationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add(zip, "xl/workbook.xml",
                $"<workbook xmlns=\"{Main}\" xmlns:r=\"{DocumentRelationships}\"><sheets>" +
                $"<sheet name=\"{SecurityElement.Escape(sheetName)}\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Notes\" sheetId=\"2\" r:id=\"rId4\"/></sheets></workbook>");
            Add(zip, "xl/_rels/workbook.xml.rels",
                $"<Relationships xmlns=\"{Relationships}\">" +
                $"<Relationship Id=\"rId1\" Type=\"{DocumentRelationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
                $"<Relationship Id=\"rId2\" Type=\"{DocumentRelationships}/styles\" Target=\"styles.xml\"/>" +
                $"<Relationship Id=\"rId3\" Type=\"{DocumentRelationships}/sharedStrings\" Target=\"sharedStrings.xml\"/>" +
                $"<Relationship Id=\"rId4\" Type=\"{DocumentRelationships}/worksheet\" Target=\"worksheets/sheet2.xml\"/>" +
                "</Relationships>");

            // Styles 1-3: a built-in date (14), a zero-padded twelve-digit number, an elapsed-time duration.
            Add(zip, "xl/styles.xml",
                $"<styleSheet xmlns=\"{Main}\"><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"000000000000\"/>" +
                "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm:ss\"/></numFmts><cellXfs count=\"4\"><xf numFmtId=\"0\"/>" +
                "<xf numFmtId=\"14\" applyNumberFormat=\"1\"/><xf numFmtId=\"164\" applyNumberFormat=\"1\"/><xf numFmtId=\"165\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
            Add(zip, "xl/sharedStrings.xml",
                $"<sst xmlns=\"{Main}\" count=\"{strings.Count}\" uniqueCount=\"{strings.Count}\">" +
                string.Concat(strings.Select(s => $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></si>")) + "</sst>");
            Add(zip, "xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{Main}\"><sheetData>{rows}</sheetData></worksheet>");

            // A second sheet the reader must ignore.
            Add(zip, "xl/worksheets/sheet2.xml",
                $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>not this sheet</t></is></c></row></sheetData></worksheet>");
        }

        return buffer.ToArray();
    }

    private int Share(string text)
    {
        strings.Add(text);
        return strings.Count - 1;
    }

    private static void Add(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
        writer.Write(xml);
    }
}
