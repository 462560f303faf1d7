using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.IntegrationTests.Data;

/// <summary>
/// Company-owned records (responses, uploads, entries, candidates) are filtered by the context's
/// <see cref="CompanyScope"/> in the database query itself: a company sees only its own, the default
/// scope sees nothing, staff see everything.
/// </summary>
public abstract class CompanyQueryFilterTests(DatabaseFixture database)
{
    private sealed record Owned(DisclosureResponse Response, WorkListUpload Upload, WorkListEntry Entry, MatchCandidate Candidate);

    [SkippableFact]
    public async Task A_company_scope_sees_only_that_companys_records()
    {
        var (companies, a, b) = await ArrangeAsync();
        var scope = new CompanyScope();
        scope.ForCompany(companies.A.Id);
        await using var db = database.CreateContext(scope);

        var responses = await db.Responses.ToListAsync();
        var uploads = await db.WorkListUploads.ToListAsync();
        var entries = await db.WorkListEntries.ToListAsync();
        var candidates = await db.MatchCandidates.ToListAsync();

        Assert.All(responses, r => Assert.Equal(companies.A.Id, r.CompanyId));
        Assert.All(uploads, u => Assert.Equal(companies.A.Id, u.CompanyId));
        Assert.All(entries, e => Assert.Equal(companies.A.Id, e.CompanyId));
        Assert.All(candidates, c => Assert.Equal(companies.A.Id, c.CompanyId));
        Assert.Contains(responses, r => r.Id == a.Response.Id);
        Assert.Contains(uploads, u => u.Id == a.Upload.Id);
        Assert.Contains(entries, e => e.Id == a.Entry.Id);
        Assert.Contains(candidates, c => c.Id == a.Candidate.Id);

        // Asking for B's rows by id finds nothing either, also through navigations and Find.
        Assert.False(await db.Responses.AnyAsync(r => r.Id == b.Response.Id));
        Assert.False(await db.WorkListUploads.AnyAsync(u => u.Id == b.Upload.Id));
        Assert.False(await db.WorkListEntries.AnyAsync(e => e.UploadId == b.Upload.Id));
        Assert.False(await db.MatchCandidates.AnyAsync(c => c.EntryId == b.Entry.Id));
        Assert.Null(await db.WorkListUploads.FindAsync(b.Upload.Id));
        var request = await db.Requests.Include(r => r.Responses).SingleAsync(r => r.Id == companies.Request.Id);
        Assert.Equal([a.Response.Id], request.Responses.Select(r => r.Id));
        Assert.Equal(0, await db.MatchCandidates.CountAsync(c => c.CompanyId == companies.B.Id));
    }

    [SkippableFact]
    public async Task The_default_scope_sees_no_company_records()
    {
        await ArrangeAsync();
        await using var db = database.CreateContext(new CompanyScope());

        Assert.Equal(0, await db.Responses.CountAsync());
        Assert.Equal(0, await db.WorkListUploads.CountAsync());
        Assert.Equal(0, await db.WorkListEntries.CountAsync());
        Assert.Equal(0, await db.MatchCandidates.CountAsync());

        // The rows are there: the filter, not an empty table, hides them.
        Assert.True(await db.Responses.IgnoreQueryFilters().AnyAsync());
        Assert.True(await db.MatchCandidates.IgnoreQueryFilters().AnyAsync());
    }

    [SkippableFact]
    public async Task Staff_see_every_companys_records()
    {
        var (_, a, b) = await ArrangeAsync();
        await using var db = database.CreateContext(CompanyScope.Staff());

        var responseIds = await db.Responses.Select(r => r.Id).ToListAsync();
        var uploadIds = await db.WorkListUploads.Select(u => u.Id).ToListAsync();
        var entryIds = await db.WorkListEntries.Select(e => e.Id).ToListAsync();
        var candidateIds = await db.MatchCandidates.Select(c => c.Id).ToListAsync();

        Assert.Contains(a.Response.Id, responseIds);
        Assert.Contains(b.Response.Id, responseIds);
        Assert.Contains(a.Upload.Id, uploadIds);
        Assert.Contains(b.Upload.Id, uploadIds);
        Assert.Contains(a.Entry.Id, entryIds);
        Assert.Contains(b.Entry.Id, entryIds);
        Assert.Contains(a.Candidate.Id, candidateIds);
        Assert.Contains(b.Candidate.Id, candidateIds);
        Assert.Equal(await db.Responses.IgnoreQueryFilters().CountAsync(), responseIds.Count);
        Assert.Equal(await db.MatchCandidates.IgnoreQueryFilters().CountAsync(), candidateIds.Count);
    }

    private async Task<(TwoCompanies Companies, Owned A, Owned B)> ArrangeAsync()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        await using var db = database.CreateContext(CompanyScope.Staff());
        var companies = await TestData.CreateTwoCompaniesAsync(db);
        var recording = TestData.Recording(TestData.NewIsrc(), $"Song {TestData.Token()}", "Some Artist");
        db.CatalogRecordings.Add(recording);
        await db.SaveChangesAsync();
        return (companies, await OwnedAsync(db, companies.ResponseA, recording), await OwnedAsync(db, companies.ResponseB, recording));
    }

    private static async Task<Owned> OwnedAsync(PortalDbContext db, DisclosureResponse response, CatalogRecording recording)
    {
        var upload = TestData.Upload(response);
        db.WorkListUploads.Add(upload);
        await db.SaveChangesAsync();
        var entry = new WorkListEntry { UploadId = upload.Id, CompanyId = response.CompanyId, LineNumber = 2, Title = recording.Title, Artist = recording.Artist };
        db.WorkListEntries.Add(entry);
        await db.SaveChangesAsync();
        var candidate = new MatchCandidate { EntryId = entry.Id, CompanyId = response.CompanyId, CatalogRecordingId = recording.Id, Tier = MatchTier.High, Score = 0.9, Reasons = "test" };
        db.MatchCandidates.Add(candidate);
        await db.SaveChangesAsync();
        return new Owned(response, upload, entry, candidate);
    }
}

public sealed class CompanyQueryFilterTestsOnSqlite(SqliteDatabaseFixture database) : CompanyQueryFilterTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class CompanyQueryFilterTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : CompanyQueryFilterTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
