using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Data.Jobs;
using DisclosurePortal.Web.Features.Responses;
using DisclosurePortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DisclosurePortal.Benchmarks;

/// <summary>
/// The portal's job path for one stored work list on a fresh SQLite database: each run records a new upload of
/// the same file with its validation job, and the portal's runner reads and stores every row through
/// <see cref="WorkListValidationJob"/>, batch by batch with its checkpoints, as it does after an upload.
/// </summary>
internal sealed class ValidationJobBench : IAsyncDisposable
{
    private const string StoredName = "bench.upload";

    private readonly ScratchDirectory scratch;
    private readonly ServiceProvider services;
    private readonly string connectionString;
    private int responseId;
    private int companyId;

    private ValidationJobBench(ScratchDirectory scratch)
    {
        this.scratch = scratch;
        connectionString = $"Data Source={Path.Combine(scratch.Path, "bench.db")}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = connectionString,
            ["Storage:DataDirectory"] = scratch.Path,
        }).Build();
        services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            .AddPortalDatabase(configuration, scratch.Path)
            .AddPortalJobs(configuration)
            .AddKeyedScoped<IJobHandler, WorkListValidationJob>(JobKind.WorkListValidation)
            .BuildServiceProvider();
    }

    public static Task<ValidationJobBench> CreateAsync(byte[] file) => CreateAsync(path => File.WriteAllBytesAsync(path, file));

    /// <summary>The bench for a file on disk, copied into its storage (never read into memory).</summary>
    public static Task<ValidationJobBench> CreateAsync(string file) => CreateAsync(path => Task.Run(() => File.Copy(file, path)));

    private static async Task<ValidationJobBench> CreateAsync(Func<string, Task> store)
    {
        var bench = new ValidationJobBench(new ScratchDirectory());
        await bench.PrepareAsync(store);
        return bench;
    }

    private async Task PrepareAsync(Func<string, Task> store)
    {
        await using var db = Context();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;"); // as the portal runs it
        var now = DateTimeOffset.UtcNow;
        var request = new DisclosureRequest { Title = "Benchmark", LetterText = "-", Deadline = now.AddDays(30), State = RequestState.Sent, CreatedAt = now };
        var company = new Company { Name = "Benchmark company", CreatedAt = now };
        var response = new DisclosureResponse { Company = company };
        request.Responses.Add(response);
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        (responseId, companyId) = (response.Id, company.Id);

        var path = WorkListFiles.PathOf(new StorageOptions { DataDirectory = scratch.Path }, companyId, StoredName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await store(path);
    }

    /// <summary>Records an upload of the file with its validation job and runs the job; returns the rows stored.</summary>
    public async Task<int> RunAsync()
    {
        await using var db = Context();
        var upload = new WorkListUpload
        {
            ResponseId = responseId,
            CompanyId = companyId,
            FileName = "bench.csv",
            StoredName = StoredName,
            Sha256 = new string('0', 64),
            UploadedByUserId = "bench",
            UploadedAt = DateTimeOffset.UtcNow,
            Status = UploadStatus.Received,
        };
        db.WorkListUploads.Add(upload);
        await db.SaveChangesAsync();
        await JobQueue.EnqueueAsync(db, JobKind.WorkListValidation, upload.Id, companyId, DateTimeOffset.UtcNow);

        if (!await services.GetRequiredService<JobRunner>().RunOnceAsync(default))
        {
            throw new InvalidOperationException("The validation job was not run.");
        }

        // Only the validation is measured: the reconciliation it queued is set aside.
        await db.BackgroundJobs.Where(j => j.Kind == JobKind.Reconciliation && j.State == JobState.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Cancelled));
        var stored = await db.WorkListUploads.AsNoTracking().SingleAsync(u => u.Id == upload.Id);
        return stored.Status == UploadStatus.Validated
            ? stored.RowsAccepted + stored.RowsRejected
            : throw new InvalidOperationException($"The upload ended {stored.Status}: {stored.RefusalReason}");
    }

    private PortalDbContext Context() => new(PortalDatabase.Options(DatabaseProvider.Sqlite, connectionString), CompanyScope.Staff());

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        scratch.Dispose();
    }
}
