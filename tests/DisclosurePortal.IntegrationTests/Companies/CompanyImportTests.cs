using System.Text;
using DisclosurePortal.Core.Companies;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Companies;

/// <summary>
/// Importing the recipient list into a request: a preview that writes nothing, then every row added, linked or
/// rejected with its line and reason (rows in = added + linked + rejected), duplicates found in the file and
/// against the portal's companies by name key and by address, and the report kept as CSV.
/// </summary>
public abstract class CompanyImportTests(DatabaseFixture database)
{
    [SkippableFact]
    public async Task A_list_is_previewed_without_writing_then_imported_with_a_line_for_every_row()
    {
        var (request, t) = await SetUpAsync();
        var csv = $"""
            Company,Legal entity,Country,Contact,Email
            Alpha {t},Alpha {t} Ltd,France,Ada; Bob,ada@alpha-{t}.example; bob@alpha-{t}.example
            Beta {t},,Germany,,not-an-address
            ALPHA {t} S.A.,,France,,other@alpha-{t}.example
            Gamma {t},,,,ada@alpha-{t}.example
            Delta {t},,Spain,Dee,dee@delta-{t}.example
            """;

        await using var scope = database.Services.SignedInScope(TestUsers.Admin());
        var imports = scope.ServiceProvider.GetRequiredService<CompanyImportService>();
        var draft = await imports.PreviewAsync(request.Id, "recipients.csv", Stream(csv));

        Assert.False(draft.Preview.Imported);
        Assert.Equal((5, 2, 0, 3), (draft.Preview.RowsIn, draft.Preview.Added, draft.Preview.Linked, draft.Preview.Rejected));
        Assert.Equal(0, await CountAsync(c => c.Name.EndsWith(t)));

        var report = await imports.ImportAsync(draft);
        Assert.True(report.Imported);
        Assert.Equal(report.RowsIn, report.Added + report.Linked + report.Rejected);
        Assert.Equal([2, 3, 4, 5, 6], report.Lines.Select(l => l.Line));
        Assert.Equal(
            [CompanyImportOutcome.Added, CompanyImportOutcome.Rejected, CompanyImportOutcome.Rejected, CompanyImportOutcome.Rejected, CompanyImportOutcome.Added],
            report.Lines.Select(l => l.Outcome));
        Assert.Equal("'not-an-address' is not an e-mail address", report.Lines[1].Detail);
        Assert.StartsWith($"the same company as line 2 ('Alpha {t}')", report.Lines[2].Detail, StringComparison.Ordinal);
        Assert.Equal($"the e-mail address ada@alpha-{t}.example is already on line 2", report.Lines[3].Detail);

        await using var db = database.CreateContext();
        var alpha = await db.Companies.Include(c => c.Contacts).SingleAsync(c => c.Name == $"Alpha {t}");
        Assert.Equal(($"Alpha {t} Ltd", "France"), (alpha.LegalEntity, alpha.Country));
        Assert.Equal([("Ada", $"ada@alpha-{t}.example"), ("Bob", $"bob@alpha-{t}.example")], alpha.Contacts.OrderBy(c => c.Id).Select(c => (c.Name, c.Email)));
        Assert.Equal(2, await db.Responses.CountAsync(r => r.RequestId == request.Id));

        // The report as kept for download: a header and one line per row.
        var lines = await File.ReadAllLinesAsync(imports.ReportPath(report.Id));
        Assert.Equal("line,company,outcome,detail", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(6, lines.Length);
        Assert.StartsWith($"3,Beta {t},rejected,", lines[2], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_company_the_portal_has_is_linked_to_another_request_once_and_an_address_of_another_company_is_refused()
    {
        var (first, t) = await SetUpAsync();
        await ImportAsync(first.Id, $"Name,Email\nNorthwind {t},team@nw-{t}.example\nOther {t},info@other-{t}.example\n");
        DisclosureRequest second;
        await using (var db = database.CreateContext())
        {
            second = (await TestData.CreateTwoCompaniesAsync(db)).Request;
        }

        var report = await ImportAsync(second.Id,
            $"Name,Email\nNORTHWIND {t} Limited,team@nw-{t}.example;legal@nw-{t}.example\nNew {t},info@other-{t}.example\n");
        Assert.Equal(CompanyImportOutcome.Linked, report.Lines[0].Outcome);
        Assert.Equal($"already in the portal as 'Northwind {t}': linked to this request, 1 contact added", report.Lines[0].Detail);
        Assert.Equal(CompanyImportOutcome.Rejected, report.Lines[1].Outcome);
        Assert.Equal($"the e-mail address info@other-{t}.example is already a contact of 'Other {t}'", report.Lines[1].Detail);

        var again = await ImportAsync(second.Id, $"Name,Email\nNorthwind {t},team@nw-{t}.example\n");
        Assert.Equal($"already in this request as 'Northwind {t}'", again.Lines.Single().Detail);

        await using var check = database.CreateContext();
        var northwind = await check.Companies.Include(c => c.Contacts).SingleAsync(c => c.NormalizedName == CompanyNames.Key($"Northwind {t}"));
        Assert.Equal(2, northwind.Contacts.Count);
        Assert.Equal(2, await check.Responses.CountAsync(r => r.CompanyId == northwind.Id));
        Assert.Equal(0, await check.Companies.CountAsync(c => c.Name == $"New {t}"));
    }

    [SkippableFact]
    public async Task A_file_refused_whole_or_a_closed_request_changes_nothing()
    {
        var (request, _) = await SetUpAsync();
        await using var scope = database.Services.SignedInScope(TestUsers.Admin());
        var imports = scope.ServiceProvider.GetRequiredService<CompanyImportService>();
        var error = await Assert.ThrowsAsync<CompanyFileException>(() => imports.PreviewAsync(request.Id, "x.csv", Stream("Company,Country\nA,B\n")));
        Assert.StartsWith("A company list needs a column for its e-mail addresses", error.Message, StringComparison.Ordinal);

        await using (var db = database.CreateContext())
        {
            await db.Requests.Where(r => r.Id == request.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RequestState.Closed));
        }

        error = await Assert.ThrowsAsync<CompanyFileException>(() => imports.PreviewAsync(request.Id, "x.csv", Stream("Company,Email\nA,a@b.example\n")));
        Assert.Equal("This request is closed: no companies can be added to it.", error.Message);
    }

    [SkippableFact]
    public async Task Only_admins_import_and_the_editor_applies_the_same_duplicate_rules()
    {
        var (request, t) = await SetUpAsync();
        await using (var reviewer = database.Services.SignedInScope(TestUsers.Reviewer()))
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => reviewer.ServiceProvider.GetRequiredService<CompanyImportService>().PreviewAsync(request.Id, "x.csv", Stream("Company,Email\nA,a@b.example\n")));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => reviewer.ServiceProvider.GetRequiredService<CompanyEditorService>().SaveAsync(new CompanyDraft { Name = "X" }));
        }

        await using var scope = database.Services.SignedInScope(TestUsers.Admin());
        var editor = scope.ServiceProvider.GetRequiredService<CompanyEditorService>();
        var (id, problems) = await editor.SaveAsync(new CompanyDraft
        {
            Name = $"Hand Made {t}",
            Contacts = [new ContactDraft { Name = "Ann", Email = $"Ann@Hand-{t}.example" }, new ContactDraft { Email = $"ben@hand-{t}.example" }],
        }, request.Id);
        Assert.Empty(problems);

        var (_, duplicate) = await editor.SaveAsync(new CompanyDraft { Name = $"hand made {t} GmbH", Contacts = [new ContactDraft { Email = $"ann@hand-{t}.example" }, new ContactDraft { Email = "broken" }] });
        Assert.Equal(
            ["Contact: 'broken' is not an e-mail address.", $"'Hand Made {t}' is already in the portal: a company is there once, however its name is spelled.", $"ann@hand-{t}.example is already a contact of 'Hand Made {t}'."],
            duplicate);

        var draft = (await editor.GetAsync(id!.Value))!;
        draft.Contacts.RemoveAt(0);
        draft.Contacts.Add(new ContactDraft { Name = "Cat", Email = $"cat@hand-{t}.example" });
        draft.Country = "Ireland";
        Assert.Empty((await editor.SaveAsync(draft)).Problems);

        await using var db = database.CreateContext();
        var saved = await db.Companies.Include(c => c.Contacts).SingleAsync(c => c.Id == id);
        Assert.Equal("Ireland", saved.Country);
        Assert.Equal([$"ben@hand-{t}.example", $"cat@hand-{t}.example"], saved.Contacts.Select(c => c.Email).Order());
        Assert.True(await db.Responses.AnyAsync(r => r.CompanyId == id && r.RequestId == request.Id));
    }

    private async Task<CompanyImportReport> ImportAsync(int requestId, string csv)
    {
        await using var scope = database.Services.SignedInScope(TestUsers.Admin());
        var imports = scope.ServiceProvider.GetRequiredService<CompanyImportService>();
        return await imports.ImportAsync(await imports.PreviewAsync(requestId, "list.csv", Stream(csv)));
    }

    private async Task<int> CountAsync(System.Linq.Expressions.Expression<Func<Company, bool>> where)
    {
        await using var db = database.CreateContext();
        return await db.Companies.CountAsync(where);
    }

    private async Task<(DisclosureRequest Request, string Token)> SetUpAsync()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        await using var db = database.CreateContext();
        var request = new DisclosureRequest { Title = $"Import {TestData.Token()}", LetterText = "x", Deadline = TestData.Now.AddDays(30), CreatedAt = TestData.Now };
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        return (request, TestData.Token());
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}

public sealed class CompanyImportTestsOnSqlite(SqliteDatabaseFixture database) : CompanyImportTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class CompanyImportTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : CompanyImportTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
