using System.Security.Cryptography;
using System.Text;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Identifiers;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Responses;

/// <summary>
/// An upload end to end on a real database: the respondent's file is stored with its SHA-256 and recorded with
/// its validation job; the jobs then keep every row as accepted or rejected and match the accepted ones
/// against the catalog; files that are not usable work lists are refused by the validation job.
/// </summary>
public abstract class WorkListIntakeTests(DatabaseFixture database)
{
    [SkippableFact]
    public async Task An_upload_is_stored_with_its_hash_and_its_rows_are_kept_and_matched()
    {
        var (companies, paperLights, cafeStars) = await ArrangeAsync();
        var token = paperLights.Title.Split(' ')[^1];
        var unknownIsrc = TestData.NewIsrc();
        var csv = string.Join('\n',
            "ISRC,Title,Artist",
            $"{Isrc.Parse(paperLights.Isrc).Formatted.ToLowerInvariant()},,", // line 2: exact by ISRC alone, pasted in lower case with hyphens
            $",\"cafe AND  stars {token.ToUpperInvariant()}\",ZOE QUINN", // line 3: high by normalised title + artist
            $"{unknownIsrc},Unknown song {token},Nobody", // line 4: accepted, unmatched
            $",Another unknown {token},Nobody", // line 5: accepted, unmatched
            "not-an-isrc,,", // line 6: rejected, invalid ISRC and no title
            ",,Artist Only", // line 7: rejected, neither title nor ISRC
            $"XX-BAD,PAPER LIGHTS!! {token},nadia okafor") + "\n"; // line 8: bad ISRC ignored with a warning, high by name
        var bytes = Encoding.UTF8.GetBytes(csv);
        var expectedSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var respondent = TestUsers.Respondent(companies.A.Id, userId: $"user-{token}");

        IntakeResult result;
        await using var db = database.CreateContext();
        await using (var scope = database.Services.SignedInScope(respondent))
        {
            var intake = scope.ServiceProvider.GetRequiredService<WorkListIntake>();
            result = await intake.ReceiveAsync(companies.ResponseA.Id, @"C:\Users\someone\Desktop\works.csv", new MemoryStream(bytes));
            Assert.False(result.Refused, result.Message);
            Assert.Null(result.Message);

            // Recorded, waiting for its columns to be confirmed: nothing queued yet.
            Assert.Equal(UploadStatus.AwaitingMapping, (await db.WorkListUploads.AsNoTracking().SingleAsync(u => u.Id == result.UploadId)).Status);
            Assert.False(await db.BackgroundJobs.AnyAsync(j => j.TargetId == result.UploadId && j.Kind == JobKind.WorkListValidation));
            var proposal = await intake.GetMappingAsync(result.UploadId);
            Assert.Equal("CSV (comma-separated, UTF-8)", proposal.Format);
            Assert.Equal(["ISRC", "Title", "Artist"], proposal.Headers);
            Assert.Equal(new Dictionary<Core.WorkLists.WorkListField, int> { [Core.WorkLists.WorkListField.Isrc] = 0, [Core.WorkLists.WorkListField.Title] = 1, [Core.WorkLists.WorkListField.Artist] = 2 }, proposal.Mapping);
            Assert.Null(await intake.ConfirmMappingAsync(result.UploadId));
            Assert.Equal("This file's columns were confirmed already.", await intake.ConfirmMappingAsync(result.UploadId));
        }

        // Confirmed: its validation job is queued; nothing read yet.
        Assert.Equal(UploadStatus.Received, (await db.WorkListUploads.AsNoTracking().SingleAsync(u => u.Id == result.UploadId)).Status);
        Assert.Equal(JobState.Queued, (await db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Kind == JobKind.WorkListValidation && j.TargetId == result.UploadId)).State);
        Assert.False(await db.WorkListEntries.AnyAsync(e => e.UploadId == result.UploadId));

        await database.RunQueuedJobsAsync();

        var upload = await db.WorkListUploads.SingleAsync(u => u.Id == result.UploadId);
        Assert.Equal(companies.A.Id, upload.CompanyId);
        Assert.Equal(companies.ResponseA.Id, upload.ResponseId);
        Assert.Equal("works.csv", upload.FileName);
        Assert.Equal(expectedSha256, upload.Sha256);
        Assert.Equal(bytes.Length, upload.SizeBytes);
        Assert.Equal($"user-{token}", upload.UploadedByUserId);
        Assert.Equal(TestData.Now, upload.UploadedAt);
        Assert.Equal(UploadStatus.Processed, upload.Status);
        Assert.Null(upload.RefusalReason);
        Assert.Equal((5, 2, 3), (upload.RowsAccepted, upload.RowsRejected, upload.RowsMatched));

        // The file is kept exactly as received.
        var stored = Path.Combine(database.Storage.Path, "uploads", companies.A.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), upload.StoredName);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(stored));
        Assert.Equal(expectedSha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(stored))));

        // Rows in = rows accepted + rows rejected, each kept with its line number.
        var entries = await db.WorkListEntries.Where(e => e.UploadId == upload.Id).OrderBy(e => e.LineNumber).ToListAsync();
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], entries.Select(e => e.LineNumber));
        Assert.Equal(upload.RowsAccepted + upload.RowsRejected, entries.Count);
        Assert.All(entries, e => Assert.Equal(companies.A.Id, e.CompanyId));
        var byLine = entries.ToDictionary(e => e.LineNumber);
        Assert.Equal([6, 7], entries.Where(e => e.RejectionReason is not null).Select(e => e.LineNumber));
        Assert.Contains("not valid", byLine[6].RejectionReason, StringComparison.Ordinal);
        Assert.Equal("no title and no ISRC", byLine[7].RejectionReason);
        Assert.Equal(paperLights.Isrc, byLine[2].Isrc);
        Assert.Equal(unknownIsrc, byLine[4].Isrc);
        Assert.NotNull(byLine[8].Warning);
        Assert.Null(byLine[3].Warning);

        // Every accepted row has an answer: ISRC equal is exact; title and artist equal after normalising is high; the
        // unknown rows have one of tier None that says why.
        var candidates = await db.MatchCandidates.Include(c => c.Entry).Where(c => c.Entry!.UploadId == upload.Id).ToListAsync();
        var best = candidates.Where(c => c.Rank == 1).ToDictionary(c => c.Entry!.LineNumber);
        Assert.Equal([2, 3, 4, 5, 8], best.Keys.Order());
        Assert.Equal((MatchTier.Exact, paperLights.Id), (best[2].Tier, best[2].CatalogRecordingId));
        Assert.Equal((MatchTier.High, cafeStars.Id), (best[3].Tier, best[3].CatalogRecordingId));
        Assert.Equal((MatchTier.High, paperLights.Id), (best[8].Tier, best[8].CatalogRecordingId));
        Assert.All([best[4], best[5]], c => Assert.Equal((MatchTier.None, null, CatalogKind.Recordings), (c.Tier, c.CatalogRecordingId, c.Kind)));
        Assert.All([best[4], best[5]], c => Assert.False(string.IsNullOrWhiteSpace(c.Reasons)));
        Assert.All(candidates, c => Assert.Equal(companies.A.Id, c.CompanyId));
        Assert.StartsWith("ISRC equal", best[2].Reasons, StringComparison.Ordinal);
        Assert.Contains("title equal", best[3].Reasons, StringComparison.Ordinal);
        var reconciliation = await db.BackgroundJobs.SingleAsync(j => j.Kind == JobKind.Reconciliation && j.TargetId == upload.Id);
        Assert.Equal((JobState.Succeeded, 5L, 5L), (reconciliation.State, reconciliation.Done, reconciliation.Total));
        Assert.All(candidates, c => Assert.Equal(reconciliation.Id, c.RunId));
        Assert.Equal(reconciliation.Id, upload.MatchRunId);
        var validation = await db.BackgroundJobs.SingleAsync(j => j.Kind == JobKind.WorkListValidation && j.TargetId == upload.Id);
        Assert.Equal((JobState.Succeeded, 7L, 7L, 8L), (validation.State, validation.Done, validation.Total, validation.Checkpoint));

        var response = await db.Responses.SingleAsync(r => r.Id == companies.ResponseA.Id);
        Assert.Equal(ResponseStatus.InProgress, response.Status);
        Assert.Equal(TestData.Now, response.LastActivityAt);

        // Nothing landed on the other company.
        Assert.False(await db.WorkListUploads.AnyAsync(u => u.CompanyId == companies.B.Id));
    }

    public static TheoryData<string, byte[], string> RefusedFiles => new()
    {
        { "empty.csv", [], "The file is empty." },
        { "header-only.csv", Encoding.UTF8.GetBytes("ISRC,Title,Artist\n"), "The file has a header but no rows." },
        { "image.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], "This is not a text file." },
        { "works.xlsx", [(byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0], "This looks like an Excel workbook (.xlsx) or zip file, but it is damaged" },
        { "damaged.csv.gz", [0x1F, 0x8B, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8], "The file starts like a .gz archive but is damaged" },
    };

    [SkippableTheory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_file_that_is_not_a_usable_work_list_is_refused_with_a_clear_message_and_no_rows(string fileName, byte[] content, string expectedMessage)
    {
        var (companies, _, _) = await ArrangeAsync();

        IntakeResult result;
        await using (var scope = database.Services.SignedInScope(TestUsers.Respondent(companies.A.Id)))
        {
            result = await scope.ServiceProvider.GetRequiredService<WorkListIntake>().ReceiveAsync(companies.ResponseA.Id, fileName, new MemoryStream(content));
        }

        Assert.False(result.Refused); // the file is stored whole, on record as refused
        await database.RunQueuedJobsAsync();

        await using var db = database.CreateContext();
        Assert.Equal(0, await db.WorkListEntries.CountAsync(e => e.CompanyId == companies.A.Id));
        Assert.Equal(0, await db.MatchCandidates.CountAsync(c => c.CompanyId == companies.A.Id));
        var uploads = await db.WorkListUploads.Where(u => u.CompanyId == companies.A.Id).ToListAsync();
        var upload = Assert.Single(uploads); // the file is recorded before it is read, then marked refused
        Assert.Equal(result.UploadId, upload.Id);
        Assert.Equal(UploadStatus.Refused, upload.Status);
        Assert.NotNull(upload.RefusalReason);
        Assert.StartsWith(expectedMessage, upload.RefusalReason, StringComparison.Ordinal);
        // Refused on receipt, when its header was read: nothing to retry, nothing queued.
        Assert.False(await db.BackgroundJobs.AnyAsync(j => j.TargetId == upload.Id && (j.Kind == JobKind.WorkListValidation || j.Kind == JobKind.Reconciliation)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), upload.Sha256);
        Assert.Equal((0, 0, 0), (upload.RowsAccepted, upload.RowsRejected, upload.RowsMatched));
        Assert.Equal(ResponseStatus.NotOpened, (await db.Responses.SingleAsync(r => r.Id == companies.ResponseA.Id)).Status);
    }

    [SkippableFact]
    public async Task Another_companys_response_is_not_found()
    {
        var (companies, _, _) = await ArrangeAsync();
        var csv = Encoding.UTF8.GetBytes($"ISRC,Title,Artist\n{TestData.NewIsrc()},Song,Artist\n");

        await using (var scope = database.Services.SignedInScope(TestUsers.Respondent(companies.A.Id)))
        {
            var intake = scope.ServiceProvider.GetRequiredService<WorkListIntake>();
            await Assert.ThrowsAsync<KeyNotFoundException>(() => intake.ReceiveAsync(companies.ResponseB.Id, "works.csv", new MemoryStream(csv)));
            await Assert.ThrowsAsync<KeyNotFoundException>(() => intake.ReceiveAsync(int.MaxValue, "works.csv", new MemoryStream(csv)));
        }

        await using var db = database.CreateContext();
        Assert.False(await db.WorkListUploads.AnyAsync(u => u.ResponseId == companies.ResponseB.Id || u.ResponseId == companies.ResponseA.Id));
        Assert.False(await db.WorkListEntries.AnyAsync(e => e.CompanyId == companies.A.Id || e.CompanyId == companies.B.Id));
    }

    [SkippableFact]
    public async Task Only_a_signed_in_respondent_can_upload()
    {
        var (companies, _, _) = await ArrangeAsync();
        var csv = Encoding.UTF8.GetBytes($"ISRC,Title,Artist\n{TestData.NewIsrc()},Song,Artist\n");

        await using (var scope = database.Services.SignedInScope(TestUsers.Reviewer()))
        {
            var intake = scope.ServiceProvider.GetRequiredService<WorkListIntake>();
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => intake.ReceiveAsync(companies.ResponseA.Id, "works.csv", new MemoryStream(csv)));
        }

        await using (var scope = database.Services.CreateAsyncScope())
        {
            var intake = scope.ServiceProvider.GetRequiredService<WorkListIntake>();
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => intake.ReceiveAsync(companies.ResponseA.Id, "works.csv", new MemoryStream(csv)));
        }

        await using var db = database.CreateContext();
        Assert.False(await db.WorkListUploads.AnyAsync(u => u.ResponseId == companies.ResponseA.Id));
    }

    /// <summary>Two fresh companies, and two catalog recordings whose titles carry a token unique to the test.</summary>
    private async Task<(TwoCompanies Companies, CatalogRecording PaperLights, CatalogRecording CafeStars)> ArrangeAsync()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        await using var db = database.CreateContext();
        var companies = await TestData.CreateTwoCompaniesAsync(db);
        var token = TestData.Token();
        var paperLights = TestData.Recording(TestData.NewIsrc(), $"Paper Lights {token}", "Nadia Okafor");
        var cafeStars = TestData.Recording(TestData.NewIsrc(), $"The Café & Stars {token}", "Zoë Quinn");
        db.CatalogRecordings.AddRange(paperLights, cafeStars);
        await db.SaveChangesAsync();
        return (companies, paperLights, cafeStars);
    }
}

public sealed class WorkListIntakeTestsOnSqlite(SqliteDatabaseFixture database) : WorkListIntakeTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class WorkListIntakeTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : WorkListIntakeTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
