using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Web.Features.Audit;
using System.Collections.Concurrent;
using System.Threading.Channels;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Catalog;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Catalog;

public enum CatalogImportState
{
    Queued,
    Running,
    Finished,
    Refused,
    Failed,
}

/// <summary>One catalog import as the admin watches it; written by the import's thread, read by the page.</summary>
public sealed class CatalogImportRun(Guid id, StagedCatalogFile file, CatalogKind kind, IReadOnlyDictionary<CatalogField, string> columns, bool complete, AuditActor actor)
{
    /// <summary>How many rejected rows the page shows; the downloadable report has them all.</summary>
    public const int PreviewRows = 50;

    private readonly ConcurrentQueue<CatalogFileRow> firstRejected = new();
    private long bytesRead;
    private int rowsRead;

    public Guid Id { get; } = id;

    public StagedCatalogFile File { get; } = file;

    public CatalogKind Kind { get; } = kind;

    public IReadOnlyDictionary<CatalogField, string> Columns { get; } = columns;

    public bool Complete { get; } = complete;

    /// <summary>The admin who started the import, for the audit trail.</summary>
    public AuditActor Actor { get; } = actor;

    public CatalogImportState State { get; internal set; } = CatalogImportState.Queued;

    public int RowsRead => Volatile.Read(ref rowsRead);

    /// <summary>Share of the file read so far, 0 to 1 (the importer reads the file once to hash it, then once to import).</summary>
    public double Fraction => File.Length == 0 ? 0 : Math.Clamp(Volatile.Read(ref bytesRead) / (double)File.Length, 0, 1);

    public CatalogVersion? Version { get; internal set; }

    /// <summary>Why the file was refused or the import failed, in words for the admin.</summary>
    public string? Message { get; internal set; }

    public IReadOnlyCollection<CatalogFileRow> FirstRejected => firstRejected;

    public bool IsOver => State is CatalogImportState.Finished or CatalogImportState.Refused or CatalogImportState.Failed;

    internal void ReportRows(int rows) => Volatile.Write(ref rowsRead, rows);

    internal void ReportBytes(long position) => Volatile.Write(ref bytesRead, position);

    internal void ReportRejected(CatalogFileRow row)
    {
        if (firstRejected.Count < PreviewRows)
        {
            firstRejected.Enqueue(row);
        }
    }
}

/// <summary>
/// Runs catalog imports one at a time in the background (the database takes one large writer at a time),
/// so the admin's page can show progress and be left and reopened. An import interrupted by a restart
/// rolls back as a whole; the uploaded file stays and can be imported again.
/// </summary>
public sealed class CatalogImportJobs(IServiceScopeFactory scopes, IOptions<StorageOptions> storage, ILogger<CatalogImportJobs> logger)
    : BackgroundService
{
    private readonly Channel<CatalogImportRun> queue = Channel.CreateUnbounded<CatalogImportRun>();
    private readonly ConcurrentDictionary<Guid, CatalogImportRun> runs = new();

    public CatalogImportRun Enqueue(StagedCatalogFile file, CatalogKind kind, IReadOnlyDictionary<CatalogField, string> columns, bool complete, AuditActor actor)
    {
        var run = new CatalogImportRun(Guid.NewGuid(), file, kind, columns, complete, actor);
        runs[run.Id] = run;
        queue.Writer.TryWrite(run);
        return run;
    }

    public CatalogImportRun? Find(Guid id) => runs.GetValueOrDefault(id);

    /// <summary>Where the rejected rows of an import are kept for download.</summary>
    public string ReportPath(long versionId) => Path.Combine(storage.Value.CatalogImportsDirectory, $"{versionId}.rejected.csv");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var run in queue.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(run, stoppingToken);
        }
    }

    private async Task RunAsync(CatalogImportRun run, CancellationToken cancellationToken)
    {
        run.State = CatalogImportState.Running;
        var report = Path.Combine(storage.Value.CatalogImportsDirectory, $"{run.Id:N}.rejected.csv");
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff();
            var importer = scope.ServiceProvider.GetRequiredService<CatalogImporter>();
            await using var stream = new ProgressStream(System.IO.File.OpenRead(run.File.Path), run.ReportBytes);
            using (var rejected = new CatalogRejectionReport(report))
            {
                run.Version = await importer.ImportAsync(stream, run.File.FileName, run.Kind, new CatalogImportOptions
                {
                    ColumnOverrides = run.Columns,
                    Complete = run.Complete,
                    Actor = run.Actor,
                    Progress = run.ReportRows,
                    Rejected = row =>
                    {
                        rejected.Add(row);
                        run.ReportRejected(row);
                    },
                }, cancellationToken);
            }

            System.IO.File.Move(report, ReportPath(run.Version.Id), overwrite: true);
            run.State = CatalogImportState.Finished;
            logger.LogInformation("Catalog import {VersionId} of {Kind} finished: {Rows} rows, {Rejected} rejected", run.Version.Id, run.Kind, run.Version.Rows, run.Version.Rejected);
        }
        catch (CatalogFileException ex)
        {
            (run.State, run.Message) = (CatalogImportState.Refused, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Catalog import {RunId} failed", run.Id);
            (run.State, run.Message) = (CatalogImportState.Failed, "The import stopped on an error and was rolled back: the catalog is as it was before. The error is in the portal's log; you can try the import again.");
        }
        finally
        {
            System.IO.File.Delete(report); // gone already when the import finished (moved next to its version)
        }
    }
}
