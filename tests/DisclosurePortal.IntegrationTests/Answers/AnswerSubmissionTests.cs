using DisclosurePortal.Core.Answers;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Responses.Questionnaire;
using DisclosurePortal.Web.Features.Responses.Submission;
using DisclosurePortal.Web.Features.Responses.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace DisclosurePortal.IntegrationTests.Answers;

/// <summary>
/// Draft, submission and amendment on a real database: a submitted version is frozen with its answers and work
/// lists, an amendment is a new version, and the two compare row by row in the database.
/// </summary>
public abstract class AnswerSubmissionTests(DatabaseFixture database)
{
    [SkippableFact]
    public async Task A_draft_is_saved_and_read_back_as_the_company_left_it()
    {
        var scenario = await AnswerScenario.CreateAsync(database);
        var answers = AnswerScenario.CompleteAnswers();
        answers.Datasets[0].CollectedFrom = new DateOnly(2023, 2, 1);

        var saved = await scenario.SaveDraftAsync(answers);
        var draft = await scenario.AsAAsync(sp => sp.GetRequiredService<QuestionnaireDrafts>().LoadAsync());

        Assert.True(saved.Saved);
        Assert.Equal(TestData.Now, saved.SavedAt);
        Assert.Equal(AnswerDocument.Write(answers), AnswerDocument.Write(draft!.Answers));
        await using var db = scenario.Db();
        var response = await db.Responses.SingleAsync(r => r.Id == scenario.Companies.ResponseA.Id);
        Assert.Equal(ResponseStatus.InProgress, response.Status);
        Assert.Equal(0, response.SubmittedVersions);
    }

    [SkippableFact]
    public async Task Submitting_freezes_version_1_and_an_amendment_becomes_version_2_with_the_differences()
    {
        var scenario = await AnswerScenario.CreateAsync(database);
        var (kept, retitled, dropped, added) = (TestData.NewIsrc(), TestData.NewIsrc(), TestData.Token(), TestData.NewIsrc());
        var first = await scenario.UploadAsync("works.csv", $"{kept},Kept Song,Artist One", $"{retitled},Old Title,Artist Two", $",{dropped},Artist Three", "not-an-isrc,,");
        await scenario.SaveDraftAsync(AnswerScenario.CompleteAnswers());

        var v1 = await scenario.SubmitAsync([first]);

        Assert.Empty(v1.Problems);
        Assert.Equal(1, v1.VersionNumber);
        Assert.True(v1.ReceiptMailed);

        // The company corrects its list and an answer; the draft changes, version 1 does not.
        var corrected = await scenario.UploadAsync("works-corrected.csv", $"{kept},Kept Song,Artist One", $"{retitled},New Title,Artist Two", $"{added},Added Song,Artist Four");
        var amended = AnswerScenario.CompleteAnswers();
        amended.Company.ContactEmail = "legal@a.example";
        await scenario.SaveDraftAsync(amended);
        var v2 = await scenario.SubmitAsync([corrected]);
        Assert.Equal(2, v2.VersionNumber);

        await using var db = scenario.Db();
        var versions = await db.ResponseVersions.Include(v => v.Uploads).Where(v => v.ResponseId == scenario.Companies.ResponseA.Id).OrderBy(v => v.Number).ToListAsync();
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal("ada@a.example", AnswerDocument.Read(versions[0].AnswersJson).Company.ContactEmail);
        Assert.Equal("legal@a.example", AnswerDocument.Read(versions[1].AnswersJson).Company.ContactEmail);
        Assert.Equal([first], versions[0].Uploads.Select(u => u.UploadId));
        Assert.Equal([corrected], versions[1].Uploads.Select(u => u.UploadId));
        Assert.Equal((3, 1), (versions[0].Uploads[0].RowsAccepted, versions[0].Uploads[0].RowsRejected));
        Assert.Equal((3, 0, 0, 0), (versions[0].Works, versions[0].WorksAdded, versions[0].WorksRemoved, versions[0].WorksChanged));
        Assert.Equal((3, 1, 1, 1), (versions[1].Works, versions[1].WorksAdded, versions[1].WorksRemoved, versions[1].WorksChanged));
        Assert.All(versions, v => Assert.False(v.IsLate));
        Assert.Equal("Grace Hopper", versions[1].SignatoryName);
        Assert.Contains("I, Grace Hopper, General Counsel of Company A Ltd", versions[1].AttestationText, StringComparison.Ordinal);
        var response = await db.Responses.SingleAsync(r => r.Id == scenario.Companies.ResponseA.Id);
        Assert.Equal((ResponseStatus.Submitted, 2, false), (response.Status, response.SubmittedVersions, response.LastSubmissionLate));
        Assert.Equal(TestData.Now, response.FirstSubmittedAt);

        var listed = await scenario.AsAsync(TestUsers.Reviewer(), sp => sp.GetRequiredService<ResponseVersionsService>().ListAsync(scenario.Companies.ResponseA.Id));
        Assert.Equal([2, 1], listed.Select(v => v.Number));
        Assert.Equal((1, 3, 1, 1, 1), (listed[0].Files, listed[0].Works, listed[0].WorksAdded, listed[0].WorksRemoved, listed[0].WorksChanged));
        var detail = await scenario.AsAAsync(sp => sp.GetRequiredService<ResponseVersionsService>().GetAsync(scenario.Companies.ResponseA.Id, 1));
        Assert.Equal(("works.csv", versions[0].Digest), (Assert.Single(detail!.Receipt.Files).FileName, detail.Digest));

                // Both sides read the same differences: answers by field, works by identity, paged from the database.
        var comparison = await scenario.AsAAsync(sp => sp.GetRequiredService<ResponseVersionsService>().CompareAsync(scenario.Companies.ResponseA.Id, 1, 2));
        Assert.Equal(new RowChangeCounts(1, 1, 1), comparison!.Rows);
        Assert.Equal(["Contact e-mail"], comparison.AnswerChanges.Select(c => c.Label));
        var staffView = await scenario.AsAsync(TestUsers.Reviewer(), sp => sp.GetRequiredService<ResponseVersionsService>().RowChangesAsync(scenario.Companies.ResponseA.Id, 1, 2, RowChange.Changed, 0, 25));
        var changed = Assert.Single(staffView.Items);
        Assert.Equal(("Old Title", "New Title"), (changed.Before!.Title, changed.After!.Title));
        Assert.Equal(("works.csv", "works-corrected.csv"), (changed.Before.FileName, changed.After.FileName));
        var removed = await scenario.AsAAsync(sp => sp.GetRequiredService<ResponseVersionsService>().RowChangesAsync(scenario.Companies.ResponseA.Id, 1, 2, RowChange.Removed, 0, 25));
        Assert.Equal(dropped, Assert.Single(removed.Items).Before!.Title);
        var addedRows = await scenario.AsAAsync(sp => sp.GetRequiredService<ResponseVersionsService>().RowChangesAsync(scenario.Companies.ResponseA.Id, 1, 2, RowChange.Added, 0, 25));
        Assert.Equal(added, Assert.Single(addedRows.Items).After!.Isrc);
    }

    [SkippableFact]
    public async Task A_work_listed_again_with_another_album_duration_or_use_is_changed_and_shows_how()
    {
        var scenario = await AnswerScenario.CreateAsync(database);
        var (same, moved) = (TestData.NewIsrc(), TestData.NewIsrc());
        const string header = "ISRC,Title,Artist,Album,Duration,Purpose";
        var first = await scenario.UploadWithHeaderAsync("works.csv", header, $"{same},Same,Artist,Album A,3:20,pre-training", $"{moved},Moved,Artist,Album A,3:20,pre-training");
        await scenario.SaveDraftAsync(AnswerScenario.CompleteAnswers());
        Assert.Empty((await scenario.SubmitAsync([first])).Problems);

        var second = await scenario.UploadWithHeaderAsync("works-2.csv", header, $"{same},Same,Artist,Album A,3:20,pre-training", $"{moved},Moved,Artist,Album B,3:21,fine-tuning");
        Assert.Empty((await scenario.SubmitAsync([second])).Problems);

        var comparison = await scenario.AsAAsync(sp => sp.GetRequiredService<ResponseVersionsService>().CompareAsync(scenario.Companies.ResponseA.Id, 1, 2));
        Assert.Equal(new RowChangeCounts(0, 0, 1), comparison!.Rows);
        var changed = Assert.Single((await scenario.AsAAsync(sp => sp.GetRequiredService<ResponseVersionsService>().RowChangesAsync(scenario.Companies.ResponseA.Id, 1, 2, RowChange.Changed, 0, 25))).Items);
        Assert.Equal(("Album A · pre-training · 3:20", "Album B · fine-tuning · 3:21"), (changed.Before!.Details, changed.After!.Details));
    }

    [SkippableFact]
    public async Task The_receipt_states_the_version_its_files_hashes_and_row_counts_and_is_mailed_with_it_attached()
    {
        var scenario = await AnswerScenario.CreateAsync(database);
        var upload = await scenario.UploadAsync("list.csv", $"{TestData.NewIsrc()},Song,Artist", ",,Artist Only");
        await scenario.SaveDraftAsync(AnswerScenario.CompleteAnswers());
        await scenario.SubmitAsync([upload]);
        await using var db = scenario.Db();
        var version = await db.ResponseVersions.SingleAsync(v => v.ResponseId == scenario.Companies.ResponseA.Id);
        var sha = await db.WorkListUploads.Where(u => u.Id == upload).Select(u => u.Sha256).SingleAsync();

        var receipt = await scenario.AsAAsync(sp => sp.GetRequiredService<ResponseVersionsService>().ReceiptAsync(version.Id));
        var again = await scenario.AsAsync(TestUsers.Admin(), sp => sp.GetRequiredService<ResponseVersionsService>().ReceiptAsync(version.Id));

        Assert.Equal($"receipt-response-{scenario.Companies.ResponseA.Id}-version-1.txt", receipt!.FileName);
        Assert.Contains("Version               1 (first submission)", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("Submitted             2026-03-02 09:30:00 UTC", receipt.Text, StringComparison.Ordinal);
        Assert.Contains($"SHA-256   {sha}", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("rows      1 accepted, 1 not accepted", receipt.Text, StringComparison.Ordinal);
        Assert.Contains($"Receipt digest        {version.Digest}", receipt.Text, StringComparison.Ordinal);
        Assert.Equal(receipt.Text, again!.Text);

        var mail = Directory.EnumerateFiles(database.Storage.Combine("outbox"), "*.eml")
            .Select(f => MimeMessage.Load(f))
            .Single(m => m.To.Mailboxes.Any(a => a.Address == scenario.EmailA));
        Assert.StartsWith("Receipt: Company A", mail.Subject, StringComparison.Ordinal);
        var attached = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal(receipt.FileName, attached.FileName);
        using var text = new StreamReader(attached.Content!.Open());
        Assert.Equal(receipt.Text.ReplaceLineEndings(), (await text.ReadToEndAsync()).ReplaceLineEndings());
    }

    [SkippableFact]
    public async Task An_incomplete_answer_a_wrong_signatory_or_no_confirmation_is_refused_and_nothing_is_stored()
    {
        var scenario = await AnswerScenario.CreateAsync(database);
        var incomplete = AnswerScenario.CompleteAnswers();
        incomplete.Systems.Clear();
        await scenario.SaveDraftAsync(incomplete);
        Assert.Contains((await scenario.SubmitAsync([])).Problems, p => p.StartsWith("Complete the questionnaire first", StringComparison.Ordinal));

        await scenario.SaveDraftAsync(AnswerScenario.CompleteAnswers());
        var outcome = await scenario.SubmitAsync([], name: "Someone Else", confirmed: false);
        Assert.Null(outcome.VersionNumber);
        Assert.Contains(outcome.Problems, p => p.Contains("(Grace Hopper)", StringComparison.Ordinal));
        Assert.Contains("Tick the box to confirm the statement.", outcome.Problems);
        // A "yes" without any work list names no works.
        Assert.Contains(outcome.Problems, p => p.Contains("include at least one work list", StringComparison.Ordinal));

        await using var db = scenario.Db();
        Assert.False(await db.ResponseVersions.AnyAsync(v => v.ResponseId == scenario.Companies.ResponseA.Id));
        Assert.Equal(0, (await db.Responses.SingleAsync(r => r.Id == scenario.Companies.ResponseA.Id)).SubmittedVersions);
    }

    [SkippableFact]
    public async Task A_no_is_submitted_through_the_same_attestation_as_an_undertaking()
    {
        var scenario = await AnswerScenario.CreateAsync(database);
        await scenario.SaveDraftAsync(AnswerScenario.CompleteAnswers(ContentUseAnswer.No));

        var outcome = await scenario.SubmitAsync([]);

        Assert.Equal(1, outcome.VersionNumber);
        await using var db = scenario.Db();
        var version = await db.ResponseVersions.SingleAsync(v => v.ResponseId == scenario.Companies.ResponseA.Id);
        Assert.Equal(ContentUseAnswer.No, version.ContentUse);
        Assert.Contains("undertakes that it has not used the label's content", version.AttestationText, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task After_the_due_time_a_submission_is_marked_late_or_refused_as_the_request_says()
    {
        var late = await AnswerScenario.CreateAsync(database, r => r.Deadline = TestData.Now.AddHours(-1));
        await late.SaveDraftAsync(AnswerScenario.CompleteAnswers(ContentUseAnswer.No));
        Assert.Equal(1, (await late.SubmitAsync([])).VersionNumber);
        await using (var db = late.Db())
        {
            Assert.True((await db.ResponseVersions.SingleAsync(v => v.ResponseId == late.Companies.ResponseA.Id)).IsLate);
            Assert.True((await db.Responses.SingleAsync(r => r.Id == late.Companies.ResponseA.Id)).LastSubmissionLate);
        }

        var refused = await AnswerScenario.CreateAsync(database, r => (r.Deadline, r.RefuseLateSubmissions) = (TestData.Now.AddHours(-1), true));
        await refused.SaveDraftAsync(AnswerScenario.CompleteAnswers(ContentUseAnswer.No));
        var outcome = await refused.SubmitAsync([]);
        Assert.Null(outcome.VersionNumber);
        Assert.Contains("takes no late answers", Assert.Single(outcome.Problems), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Answers_changed_after_the_review_page_was_opened_are_not_signed_unseen()
    {
        var scenario = await AnswerScenario.CreateAsync(database);
        await scenario.SaveDraftAsync(AnswerScenario.CompleteAnswers(ContentUseAnswer.No));
        var review = await scenario.AsAAsync(sp => sp.GetRequiredService<ResponseSubmission>().ReviewAsync());
        var changed = AnswerScenario.CompleteAnswers(ContentUseAnswer.No);
        changed.Company.Country = "Ireland";
        await scenario.SaveDraftAsync(changed);

        var outcome = await scenario.AsAAsync(sp => sp.GetRequiredService<ResponseSubmission>().SubmitAsync(
            scenario.Companies.ResponseA.Id,
            new() { SignatoryName = "Grace Hopper", SignatoryTitle = "General Counsel", Confirmed = true, ReviewedAnswersSha256 = review!.AnswersSha256 }));

        Assert.Contains("changed after you opened this page", Assert.Single(outcome.Problems), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_large_list_compares_in_pages_that_together_hold_every_difference_once()
    {
        var scenario = await AnswerScenario.CreateAsync(database);
        const int works = 3000;
        var isrcs = Enumerable.Range(0, works).Select(_ => TestData.NewIsrc()).Distinct().ToList();
        var v1Rows = isrcs.Select((isrc, i) => $"{isrc},Song {i},Artist").ToArray();
        // Version 2 drops every tenth work, retitles every seventh, and adds 250 new ones.
        var v2Rows = isrcs.Select((isrc, i) => (isrc, i)).Where(x => x.i % 10 != 0).Select(x => $"{x.isrc},Song {x.i}{(x.i % 7 == 0 ? " (Live)" : "")},Artist")
            .Concat(Enumerable.Range(0, 250).Select(i => $"{TestData.NewIsrc()},New {i},Artist")).ToArray();
        var first = await scenario.UploadAsync("big.csv", v1Rows);
        var second = await scenario.UploadAsync("big-2.csv", v2Rows);
        await scenario.SaveDraftAsync(AnswerScenario.CompleteAnswers());
        await scenario.SubmitAsync([first]);
        await scenario.SubmitAsync([second]);

        var expectedRemoved = isrcs.Where((_, i) => i % 10 == 0).Count();
        var expectedChanged = isrcs.Where((_, i) => i % 10 != 0 && i % 7 == 0).Count();
        var service = (Func<RowChange, int, Task<RowDifferencePage>>)((change, page) =>
            scenario.AsAAsync(sp => sp.GetRequiredService<ResponseVersionsService>().RowChangesAsync(scenario.Companies.ResponseA.Id, 1, 2, change, page, 100)));
        foreach (var (change, expected) in new[] { (RowChange.Added, 250), (RowChange.Removed, expectedRemoved), (RowChange.Changed, expectedChanged) })
        {
            var seen = new List<string>();
            for (var page = 0; ; page++)
            {
                var rows = await service(change, page);
                Assert.Equal(expected, rows.Total);
                if (rows.Items.Count == 0)
                {
                    break;
                }

                seen.AddRange(rows.Items.Select(r => (r.After ?? r.Before)!.Isrc!));
            }

            Assert.Equal(expected, seen.Count);
            Assert.Equal(expected, seen.Distinct().Count());
        }
    }
}

public sealed class AnswerSubmissionTestsOnSqlite(SqliteDatabaseFixture database) : AnswerSubmissionTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class AnswerSubmissionTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AnswerSubmissionTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
