using System.Text;
using DisclosurePortal.Core.Companies;

namespace DisclosurePortal.Core.Tests;

/// <summary>Company lists as admins upload them: every row accepted or rejected with its line and reason.</summary>
public class CompanyFileReaderTests
{
    private static CompanyFileContents Read(string text, Encoding? encoding = null) =>
        CompanyFileReader.Read(new MemoryStream((encoding ?? new UTF8Encoding(false)).GetPreamble().Concat((encoding ?? Encoding.UTF8).GetBytes(text)).ToArray()));

    private static CompanyRow Company(CompanyFileContents file, int line) =>
        file.Rows.Single(r => r.Line == line).Company ?? throw new InvalidOperationException($"line {line} was rejected");

    private static string Rejection(CompanyFileContents file, int line) => file.Rows.Single(r => r.Line == line).RejectionReason!;

    [Fact]
    public void Reads_each_company_with_its_contacts_from_the_usual_headers()
    {
        var file = Read(
            "Company Name,Legal entity,Country,Contact person,E-mail address,Email 2\n" +
            "Northwind AI,Northwind AI Ltd,United Kingdom,Ada Lovelace; Alan Turing,ADA@Northwind.example,alan@northwind.example\n" +
            "\"Tessellate, Labs\",,Germany,,\"Jo Bloggs <jo@tessellate.example>; legal@tessellate.example\",\n");

        Assert.Equal("CSV (comma-separated, UTF-8)", file.Format);
        Assert.Equal(["E-mail address", "Email 2"], file.Columns[CompanyField.Email]);
        var northwind = Company(file, 2);
        Assert.Equal(("Northwind AI", "Northwind AI Ltd", "United Kingdom"), (northwind.Name, northwind.LegalEntity, northwind.Country));
        Assert.Equal([new CompanyContactRow("Ada Lovelace", "ada@northwind.example"), new CompanyContactRow("Alan Turing", "alan@northwind.example")], northwind.Contacts);
        var tessellate = Company(file, 3);
        Assert.Equal("Tessellate, Labs", tessellate.Name);
        Assert.Null(tessellate.LegalEntity);
        Assert.Equal([new CompanyContactRow("Jo Bloggs", "jo@tessellate.example"), new CompanyContactRow(null, "legal@tessellate.example")], tessellate.Contacts);
    }

    [Fact]
    public void Every_row_is_accepted_or_rejected_with_its_line_and_reason_and_duplicates_within_the_file_are_refused()
    {
        var file = Read(
            "company;country;email\n" +
            "Alpha Models;FR;hello@alpha.example\n" +
            ";FR;nobody@alpha.example\n" +
            "Beta;DE;not-an-address\n" +
            "Gamma;US;\n" +
            "ALPHA MODELS S.A.;FR;other@alpha.example\n" +
            "\n" +
            "Delta;US;hello@alpha.example\n" +
            "Epsilon;US;someone@localhost\n" +
            "Zeta;;zeta@zeta.example zeta2@zeta.example\n");

        Assert.Equal(8, file.Rows.Count); // the blank line is skipped, not a row
        Assert.Equal([2, 10], file.Rows.Where(r => r.Accepted).Select(r => r.Line));
        Assert.Equal("no company name", Rejection(file, 3));
        Assert.Equal("'not-an-address' is not an e-mail address", Rejection(file, 4));
        Assert.Equal("no e-mail address", Rejection(file, 5));
        Assert.StartsWith("the same company as line 2 ('Alpha Models')", Rejection(file, 6), StringComparison.Ordinal);
        Assert.Equal("the e-mail address hello@alpha.example is already on line 2", Rejection(file, 8));
        Assert.Equal("'someone@localhost' is not an e-mail address", Rejection(file, 9));
        Assert.Equal(["zeta@zeta.example", "zeta2@zeta.example"], Company(file, 10).Contacts.Select(c => c.Email));
    }

    [Fact]
    public void A_rejected_row_does_not_make_a_later_row_of_the_same_company_a_duplicate()
    {
        var file = Read("Name,Email\nOmega,broken\nOmega,team@omega.example\n");

        Assert.False(file.Rows[0].Accepted);
        Assert.True(file.Rows[1].Accepted);
    }

    [Fact]
    public void Reads_a_workbook_and_a_windows_1252_tab_separated_export_alike()
    {
        var workbook = new TestWorkbook("Recipients")
            .Row(1, "Organisation", "Jurisdiction", "Contact", "Emails")
            .Row(2, "Société Générale IA", "France", "Zoë Ångström", "zoe@sgia.example")
            .ToBytes();
        var fromWorkbook = CompanyFileReader.Read(new MemoryStream(workbook));
        var fromText = Read("Organisation\tJurisdiction\tContact\tEmails\nSociété Générale IA\tFrance\tZoë Ångström\tzoe@sgia.example\n", Tables.TableTextEncoding.Windows1252);

        Assert.Equal("Excel workbook (sheet 'Recipients')", fromWorkbook.Format);
        Assert.Equal("CSV (tab-separated, Windows-1252)", fromText.Format);
        foreach (var file in new[] { fromWorkbook, fromText })
        {
            var company = Company(file, 2);
            Assert.Equal(("Société Générale IA", "France", "Zoë Ångström"), (company.Name, company.Country, company.Contacts[0].Name));
        }
    }

    [Theory]
    [InlineData("", "The file is empty.")]
    [InlineData("Company,Country\nAlpha,FR\n", "A company list needs a column for its e-mail addresses")]
    [InlineData("Country,Email\nFR,a@b.example\n", "A company list needs a column for the company's name")]
    [InlineData("Company,Email\n", "The file has a header but no companies.")]
    public void A_file_that_is_not_a_company_list_is_refused_whole(string text, string message)
    {
        var error = Assert.Throws<CompanyFileException>(() => Read(text));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_refused_in_the_company_lists_words()
    {
        var error = Assert.Throws<CompanyFileException>(() => CompanyFileReader.Read(new MemoryStream([0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 9])));
        Assert.Equal("This is not a text file. Import the company list as CSV (comma- or tab-separated) or as an Excel workbook (.xlsx).", error.Message);
    }
}
