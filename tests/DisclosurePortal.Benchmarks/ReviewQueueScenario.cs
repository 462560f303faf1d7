using System.Diagnostics;
using System.Security.Claims;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Data.Review;
using DisclosurePortal.Web.Features.Account;
using DisclosurePortal.Web.Features.Review.Evidence;
using DisclosurePortal.Web.Features.Review.Queue;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Benchmarks;

/// <summary>
/// The triage queue at scale on SQLite: N matched rows over ten companies, seeded in SQL; the queue's first page
/// and filtered pages (p95 of repeated reads), a bulk confirm by filter, and evidence exports of every row with
/// the memory they add, each against a bare read of the same table measured in the same run.
/// </summary>
internal static class ReviewQueueScenario
{
    private const int Companies = 10;
    private const int Runs = 20;

    public static async Task<int> RunAsync(int rows)
    {
        using var work = new ScratchDirectory();
        var database = Path.Combine(work.Path, "queue.db");
        IDbContextFactory<PortalDbContext> factory = new Factory($"Data Source={database}");
        var watch = Stopwatch.StartNew();
        var (requestId, companyIds) = await SeedAsync(factory, rows);
        Console.WriteLine($"Seeded {rows:N0} entries, candidates and queue rows in {watch.Elapsed.TotalSeconds:F1} s");

        var session = StaffSession();
        var queue = new ReviewQueueService(factory, session, TimeProvider.System);
        var decisions = new ReviewDecisionService(factory, session, TimeProvider.System, new DisclosurePortal.Web.Features.Audit.AuditTrail(session, TimeProvider.System, factory));
        var count = await P95Async(async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return await db.MatchDecisions.CountAsync();
        });
        var indexed = await P95Async(async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return (await db.MatchDecisions.AsNoTracking().Where(d => d.Id > rows / 2).OrderBy(d => d.Id).Take(25).ToListAsync()).Count;
        });
        var first = await P95Async(async () => (await queue.GetPageAsync(new QueueFilter(), QueueSort.Strength, false, 0, 25)).Items.Count);
        var filter = new QueueFilter(CompanyId: companyIds[3], Tier: MatchTier.High, MinScore: 0.8);
        var filtered = await P95Async(async () => (await queue.GetPageAsync(filter, QueueSort.Score, true, 0, 25)).Items.Count);
        var deep = await P95Async(async () => (await queue.GetPageAsync(new QueueFilter(RequestId: requestId), QueueSort.Strength, false, 400, 25)).Items.Count);
        var text = await P95Async(async () => (await queue.GetPageAsync(new QueueFilter(CompanyId: companyIds[5], Text: "song 12345"), QueueSort.Strength, false, 0, 25)).Items.Count, runs: 5);

        var bulkFilter = new QueueFilter(CompanyId: companyIds[0]);
        var toConfirm = await queue.CountAsync(bulkFilter);
        watch.Restart();
        var confirmed = await decisions.DecideAllAsync(bulkFilter, DecisionState.Confirmed, "benchmark");
        var bulk = watch.Elapsed;

        Console.WriteLine();
        Console.WriteLine($"| Read ({rows:N0} queue rows, p95 of {Runs})           | p95       | Ratio to COUNT(*) |");
        Console.WriteLine("|----------------------------------------------|-----------|-------------------|");
        Row("COUNT(*) of the queue table (baseline)", count, count);
        Row("25 rows by primary key (indexed read)", indexed, count);
        Row("queue first page, Needs review, count+page", first, count);
        Row("filtered: company + tier + score, by score", filtered, count);
        Row("request filter, page 401", deep, count);
        Row("free text in one company (p95 of 5)", text, count);
        Console.WriteLine();
        Console.WriteLine($"Bulk confirm by filter: {confirmed:N0} of {toConfirm:N0} counted rows in {bulk.TotalSeconds:F2} s ({confirmed / bulk.TotalSeconds:N0} rows/s; {bulk / count:F0}x the COUNT(*))");

        foreach (var format in new[] { "csv", "xlsx" })
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            PeakMemory.Reset();
            var before = PeakMemory.CurrentBytes();
            var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
            var sink = new CountingStream();
            watch.Restart();
            await EvidenceEndpoints.WriteAsync(sink, factory, new EvidenceScope(requestId, null), format, CancellationToken.None);
            var time = watch.Elapsed;
            var growth = PeakMemory.PeakBytes() - before;
            Console.WriteLine($"Export {format} of {rows:N0} rows: {sink.Length / 1e6:F0} MB in {time.TotalSeconds:F1} s ({rows / time.TotalSeconds:N0} rows/s); " +
                              $"peak resident growth {growth / 1048576.0:F0} MiB, managed heap after {(GC.GetTotalMemory(false) - managedBefore) / 1048576.0:F0} MiB more");
        }

        Console.WriteLine();
        Console.WriteLine($"Targets: first and filtered page p95 under 100 ms -> {(first.TotalMilliseconds < 100 && filtered.TotalMilliseconds < 100 ? "met" : "NOT met")}; " +
                          $"bulk confirm of ~100,000 under 10 s -> {(bulk.TotalSeconds < 10 ? "met" : "NOT met")}");
        return 0;
    }

    private static async Task<(int RequestId, List<int> CompanyIds)> SeedAsync(IDbContextFactory<PortalDbContext> factory, int rows)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        var now = DateTimeOffset.UtcNow;
        var request = new DisclosureRequest { Title = "Benchmark request", LetterText = "-", ReservationDate = new DateOnly(2024, 5, 16), Deadline = now.AddDays(30), State = RequestState.Sent, CreatedAt = now };
        var companies = Enumerable.Range(1, Companies).Select(i => new Company { Name = $"Benchmark company {i}", CreatedAt = now }).ToList();
        foreach (var company in companies)
        {
            request.Responses.Add(new DisclosureResponse { Company = company });
        }

        db.Requests.Add(request);
        db.CatalogRecordings.AddRange(Enumerable.Range(1, 1000).Select(i => new CatalogRecording { Isrc = $"QZBEN{i:D7}", Title = $"Song {i}", Artist = "Bench Artist", TitleKey = $"song {i}", ArtistKey = "bench artist" }));
        await db.SaveChangesAsync();
        var uploads = request.Responses.Select(r => new WorkListUpload
        {
            ResponseId = r.Id, CompanyId = r.CompanyId, FileName = "bench.csv", StoredName = Guid.NewGuid().ToString("N"), Sha256 = new string('0', 64),
            UploadedByUserId = "bench", UploadedAt = now, Status = UploadStatus.Processed, MatchRunId = r.CompanyId,
        }).ToList();
        db.WorkListUploads.AddRange(uploads);
        await db.SaveChangesAsync();
        var firstRecording = await db.CatalogRecordings.MinAsync(r => r.Id);
        var perUpload = rows / Companies;
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var upload in uploads)
        {
            // Tiers 60 % exact, 25 % high, 10 % possible, 5 % none; scores spread within each tier.
            await db.Database.ExecuteSqlAsync($"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {perUpload})
                INSERT INTO "WorkListEntries" ("UploadId", "CompanyId", "LineNumber", "Title", "Artist", "Isrc")
                SELECT {upload.Id}, {upload.CompanyId}, i + 1, 'Song ' || i, 'Artist ' || (i % 997), 'QZBEN' || substr('0000000' || i, -7) FROM n
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "MatchCandidates" ("RunId", "EntryId", "Rank", "CompanyId", "Kind", "CatalogRecordingId", "Tier", "Score", "Reasons")
                SELECT {upload.MatchRunId}, e."Id", 1, e."CompanyId", 0,
                       CASE WHEN e."LineNumber" % 20 = 0 THEN NULL ELSE {firstRecording} + e."LineNumber" % 1000 END,
                       CASE WHEN e."LineNumber" % 20 = 0 THEN 0 WHEN e."LineNumber" % 20 < 3 THEN 1 WHEN e."LineNumber" % 20 < 8 THEN 2 ELSE 3 END,
                       CASE WHEN e."LineNumber" % 20 = 0 THEN 0 ELSE 0.5 + (e."LineNumber" % 50) / 100.0 END,
                       CASE WHEN e."LineNumber" % 20 = 0 THEN 'nothing in the catalog' ELSE 'ISRC equal; title equal' END
                FROM "WorkListEntries" e WHERE e."UploadId" = {upload.Id}
                """);
            await DecisionRows.SyncWithRunAsync(db, upload.Id, upload.MatchRunId!.Value);
        }

        await transaction.CommitAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return (request.Id, companies.Select(c => c.Id).ToList());
    }

    private static async Task<TimeSpan> P95Async(Func<Task<int>> read, int runs = Runs)
    {
        await read();
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await read();
            times.Add(watch.Elapsed);
        }

        times.Sort();
        return times[(int)Math.Ceiling(runs * 0.95) - 1];
    }

    private static void Row(string step, TimeSpan time, TimeSpan baseline) =>
        Console.WriteLine($"| {step,-44} | {time.TotalMilliseconds,6:F1} ms | {time / baseline,16:F2}x |");

    private static PortalSession StaffSession()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "bench-reviewer"), new Claim(ClaimTypes.Name, "Bench Reviewer"), new Claim(ClaimTypes.Role, PortalRoles.Reviewer)], "bench"));
        return new PortalSession(new FixedUser(user), new CompanyScope());
    }

    private sealed class FixedUser(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    private sealed class Factory(string connectionString) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => new(PortalDatabase.Options(DatabaseProvider.Sqlite, connectionString), CompanyScope.Staff());
    }

    /// <summary>Where an export goes: counted, not kept, as a response body would be.</summary>
    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
