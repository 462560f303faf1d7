using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Data.Review;
using DisclosurePortal.IntegrationTests.Infrastructure;

namespace DisclosurePortal.IntegrationTests.Review;

/// <summary>Two companies with one matched upload each: per row, the tier given (None = nothing found), under run <see cref="FirstRun"/>.</summary>
public sealed record ReviewScenario(TwoCompanies Companies, WorkListUpload UploadA, WorkListUpload UploadB, IReadOnlyList<CatalogRecording> Recordings)
{
    public static long FirstRun { get; } = 1_000_000 + Random.Shared.Next(1_000_000);

    public static async Task<ReviewScenario> CreateAsync(DatabaseFixture database, MatchTier[] tiersA, MatchTier[] tiersB, long? run = null)
    {
        await using var db = database.CreateContext(CompanyScope.Staff());
        var companies = await TestData.CreateTwoCompaniesAsync(db);
        var recordings = Enumerable.Range(0, Math.Max(tiersA.Length, tiersB.Length))
            .Select(i => TestData.Recording(TestData.NewIsrc(), $"Song {i} {TestData.Token()}", "Some Artist")).ToList();
        db.CatalogRecordings.AddRange(recordings);
        await db.SaveChangesAsync();
        var runId = run ?? Random.Shared.NextInt64(1, long.MaxValue / 2);
        var a = await UploadAsync(db, companies.ResponseA, recordings, tiersA, runId);
        var b = await UploadAsync(db, companies.ResponseB, recordings, tiersB, runId + 1);
        return new ReviewScenario(companies, a, b, recordings);
    }

    /// <summary>A re-run of <paramref name="upload"/>: new candidates of the tiers given under a new run, switched to as the job does.</summary>
    public static async Task<long> RerunAsync(DatabaseFixture database, WorkListUpload upload, IReadOnlyList<CatalogRecording> recordings, MatchTier[] tiers)
    {
        await using var db = database.CreateContext(CompanyScope.Staff());
        var run = Random.Shared.NextInt64(long.MaxValue / 2, long.MaxValue);
        var entries = db.WorkListEntries.Where(e => e.UploadId == upload.Id).OrderBy(e => e.LineNumber).ToList();
        db.MatchCandidates.AddRange(entries.Select((e, i) => Candidate(e, run, tiers[i], recordings[i])));
        await db.SaveChangesAsync();
        await SwitchAsync(db, upload.Id, run);
        return run;
    }

    private static async Task<WorkListUpload> UploadAsync(PortalDbContext db, DisclosureResponse response, List<CatalogRecording> recordings, MatchTier[] tiers, long run)
    {
        var upload = TestData.Upload(response);
        db.WorkListUploads.Add(upload);
        await db.SaveChangesAsync();
        var entries = tiers.Select((_, i) => new WorkListEntry
        {
            UploadId = upload.Id, CompanyId = response.CompanyId, LineNumber = i + 2, Title = recordings[i].Title, Artist = recordings[i].Artist, Isrc = recordings[i].Isrc,
        }).ToList();
        db.WorkListEntries.AddRange(entries);
        await db.SaveChangesAsync();
        db.MatchCandidates.AddRange(entries.Select((e, i) => Candidate(e, run, tiers[i], recordings[i])));
        await db.SaveChangesAsync();
        await SwitchAsync(db, upload.Id, run);
        upload.MatchRunId = run;
        return upload;
    }

    private static async Task SwitchAsync(PortalDbContext db, int uploadId, long run)
    {
        var upload = await db.WorkListUploads.FindAsync(uploadId);
        upload!.MatchRunId = run;
        await db.SaveChangesAsync();
        await DecisionRows.SyncWithRunAsync(db, uploadId, run);
    }

    private static MatchCandidate Candidate(WorkListEntry entry, long run, MatchTier tier, CatalogRecording recording) => new()
    {
        RunId = run,
        EntryId = entry.Id,
        CompanyId = entry.CompanyId,
        Rank = 1,
        Kind = CatalogKind.Recordings,
        CatalogRecordingId = tier == MatchTier.None ? null : recording.Id,
        Tier = tier,
        Score = tier switch { MatchTier.Exact => 1.0, MatchTier.High => 0.9, MatchTier.Possible => 0.7, _ => 0 },
        Reasons = tier == MatchTier.None ? "nothing in the catalog" : "ISRC equal",
    };
}
