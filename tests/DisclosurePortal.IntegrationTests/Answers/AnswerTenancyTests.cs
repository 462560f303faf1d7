using System.Text;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Responses;
using DisclosurePortal.Web.Features.Responses.Questionnaire;
using DisclosurePortal.Web.Features.Responses.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Answers;

/// <summary>Company B, naming company A's response, versions and attachment by id, gets what a missing id gets: nothing.</summary>
public abstract class AnswerTenancyTests(DatabaseFixture database)
{
    [SkippableFact]
    public async Task Another_companys_versions_receipts_drafts_and_attachments_are_not_found()
    {
        var scenario = await AnswerScenario.CreateAsync(database);
        var attached = await scenario.AsAAsync(sp => sp.GetRequiredService<TrainingSummaryStore>().ReceiveAsync(scenario.Companies.ResponseA.Id, "summary.pdf", new MemoryStream("%PDF-1.7 summary"u8.ToArray())));
        var answers = AnswerScenario.CompleteAnswers(Core.Answers.ContentUseAnswer.No);
        answers.TrainingSummary = attached.Document;
        await scenario.SaveDraftAsync(answers);
        await scenario.SubmitAsync([]);
        await using var db = scenario.Db();
        var version = await db.ResponseVersions.SingleAsync(v => v.ResponseId == scenario.Companies.ResponseA.Id);
        var responseA = scenario.Companies.ResponseA.Id;

        await scenario.AsAsync(scenario.RespondentB, async sp =>
        {
            var versions = sp.GetRequiredService<ResponseVersionsService>();
            Assert.Null(await versions.ReceiptAsync(version.Id));
            Assert.Null(await versions.ReceiptAsync(int.MaxValue));
            Assert.Empty(await versions.ListAsync(responseA));
            Assert.Null(await versions.GetAsync(responseA, 1));
            Assert.Null(await versions.CompareAsync(responseA, 1, 1));
            Assert.Equal(0, (await versions.RowChangesAsync(responseA, 1, 1, RowChange.Added, 0, 25)).Total);
            Assert.Null(await sp.GetRequiredService<ResponseLookup>().FindAsync(responseA));
            Assert.Null(await sp.GetRequiredService<TrainingSummaryStore>().OpenAsync(attached.Document!.AttachmentId));
            var save = await sp.GetRequiredService<QuestionnaireDrafts>().SaveAsync(responseA, new());
            Assert.False(save.Saved);
            var upload = await sp.GetRequiredService<TrainingSummaryStore>().ReceiveAsync(responseA, "x.pdf", new MemoryStream("%PDF"u8.ToArray()));
            Assert.Equal("This response does not exist.", upload.Problem);
            return true;
        });

        // Company A and staff do see them.
        Assert.NotNull(await scenario.AsAAsync(sp => sp.GetRequiredService<ResponseVersionsService>().ReceiptAsync(version.Id)));
        Assert.NotNull(await scenario.AsAsync(TestUsers.Reviewer(), sp => sp.GetRequiredService<TrainingSummaryStore>().OpenAsync(attached.Document!.AttachmentId)));
        // B's draft was never written, A's stays as A saved it.
        Assert.Null((await db.Responses.AsNoTracking().SingleAsync(r => r.Id == scenario.Companies.ResponseB.Id)).DraftAnswersJson);
        Assert.Contains("Grace Hopper", (await db.Responses.AsNoTracking().SingleAsync(r => r.Id == responseA)).DraftAnswersJson, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_company_scope_sees_only_its_own_versions_attachments_and_extension_requests()
    {
        var scenario = await AnswerScenario.CreateAsync(database);
        await scenario.SaveDraftAsync(AnswerScenario.CompleteAnswers(Core.Answers.ContentUseAnswer.No));
        await scenario.SubmitAsync([]);
        await scenario.AsAAsync(sp => sp.GetRequiredService<DisclosurePortal.Web.Features.Extensions.ExtensionService>()
            .RequestAsync(scenario.Companies.ResponseA.Id, "Busy.", DateOnly.FromDateTime(scenario.Companies.Request.Deadline.UtcDateTime).AddDays(3)));
        await scenario.AsAAsync(sp => sp.GetRequiredService<TrainingSummaryStore>().ReceiveAsync(scenario.Companies.ResponseA.Id, "s.txt", new MemoryStream(Encoding.UTF8.GetBytes("summary"))));
        var scopeB = new CompanyScope();
        scopeB.ForCompany(scenario.Companies.B.Id);

        await using var asB = database.CreateContext(scopeB);
        await using var asStaff = database.CreateContext();

        Assert.False(await asB.ResponseVersions.AnyAsync(v => v.CompanyId == scenario.Companies.A.Id));
        Assert.False(await asB.ResponseAttachments.AnyAsync(a => a.CompanyId == scenario.Companies.A.Id));
        Assert.False(await asB.ExtensionRequests.AnyAsync(e => e.CompanyId == scenario.Companies.A.Id));
        Assert.True(await asStaff.ResponseVersions.AnyAsync(v => v.CompanyId == scenario.Companies.A.Id));
        Assert.True(await asStaff.ResponseAttachments.AnyAsync(a => a.CompanyId == scenario.Companies.A.Id));
        Assert.True(await asStaff.ExtensionRequests.AnyAsync(e => e.CompanyId == scenario.Companies.A.Id));
        Assert.Equal(0, await database.CreateContext(new CompanyScope()).ResponseVersions.CountAsync());
    }

    [SkippableFact]
    public async Task An_attachment_is_stored_with_its_hash_under_a_safe_name_and_bad_files_are_refused()
    {
        var scenario = await AnswerScenario.CreateAsync(database);
        var bytes = "<html><body>Training summary</body></html>"u8.ToArray();

        var ok = await scenario.AsAAsync(sp => sp.GetRequiredService<TrainingSummaryStore>().ReceiveAsync(scenario.Companies.ResponseA.Id, "..\\..\\etc/sum\u0007mary.html", new MemoryStream(bytes)));
        var program = await scenario.AsAAsync(sp => sp.GetRequiredService<TrainingSummaryStore>().ReceiveAsync(scenario.Companies.ResponseA.Id, "summary.pdf", new MemoryStream([(byte)'M', (byte)'Z', 0x90, 0])));
        var kind = await scenario.AsAAsync(sp => sp.GetRequiredService<TrainingSummaryStore>().ReceiveAsync(scenario.Companies.ResponseA.Id, "summary.exe", new MemoryStream(bytes)));

        Assert.Null(ok.Problem);
        Assert.Equal("summary.html", ok.Document!.FileName);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), ok.Document.Sha256);
        Assert.Equal("This is a program, not a document.", program.Problem);
        Assert.StartsWith("Attach the summary as .pdf", kind.Problem, StringComparison.Ordinal);
        var opened = await scenario.AsAAsync(sp => sp.GetRequiredService<TrainingSummaryStore>().OpenAsync(ok.Document.AttachmentId));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(opened!.Path));
        Assert.StartsWith(database.Storage.Path, opened.Path, StringComparison.Ordinal);
        Assert.EndsWith(".upload", opened.Path, StringComparison.Ordinal);
        await using var db = scenario.Db();
        Assert.Equal(1, await db.ResponseAttachments.CountAsync(a => a.ResponseId == scenario.Companies.ResponseA.Id));
    }
}

public sealed class AnswerTenancyTestsOnSqlite(SqliteDatabaseFixture database) : AnswerTenancyTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class AnswerTenancyTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AnswerTenancyTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
