using DisclosurePortal.Core.WorkLists;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Catalog;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Data.Jobs;
using DisclosurePortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Responses;

/// <summary>
/// Reads a stored upload with <see cref="WorkListReader"/> and keeps every row, accepted or rejected with its
/// reason, a batch at a time. Each batch, the upload's running counts and the job's checkpoint (the last line
/// written) are committed together, so a job taken over after a restart skips exactly the lines already kept.
/// When the last row is in, the upload is marked validated and its reconciliation queued in that same
/// transaction. A file that cannot be used at all becomes the upload's refusal, with the reader's message.
/// </summary>
public sealed class WorkListValidationJob(
    IDbContextFactory<PortalDbContext> dbFactory, IOptions<StorageOptions> storage, IOptions<WorkListUploadOptions> options, TimeProvider clock)
    : IJobHandler
{
    public const int BatchSize = 2000;

    // The lengths of WorkListUpload.RefusalReason, WorkListEntry's identifiers and its rejection and warning (see their configurations).
    private const int RefusalReasonLength = 2000;
    private const int IdentifierLength = 100;
    private const int NoteLength = 500;

    public string FailureMessage =>
        "Checking this file's rows stopped on an error several times. The rows checked so far are kept; " +
        "try again, and if it keeps failing, contact the label.";

    public async Task RunAsync(JobExecution job, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var upload = await db.WorkListUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == job.TargetId && u.CompanyId == job.CompanyId, cancellationToken)
            ?? throw new UnrecoverableJobException("The uploaded file this work was for is no longer there.");
        if (upload.Status != UploadStatus.Received)
        {
            return; // nothing left to read: the upload was validated or refused already
        }

        var path = WorkListFiles.PathOf(storage.Value, upload);
        try
        {
            // A .gz is unpacked (to its size limit) into a temporary file for the reading.
            await using var file = WorkListPackage.Open(path, options.Value.MaxUnpackedBytes);
            var total = job.Total;
            if (total is null)
            {
                total = EstimateRows(file);
                await job.SaveProgressAsync(db, job.Checkpoint, job.Done, total, cancellationToken);
            }

            await using var insert = new BatchInsert<WorkListEntry>(db);
            var batch = new List<WorkListEntry>(BatchSize);
            foreach (var row in WorkListReader.Read(file, ColumnMappingJson.Read(upload.ColumnMapping, int.MaxValue)))
            {
                if (row.LineNumber <= job.Checkpoint)
                {
                    continue; // kept by an earlier attempt
                }

                batch.Add(Entry(upload, row));
                if (batch.Count == BatchSize)
                {
                    await WriteAsync(db, insert, job, upload.Id, batch, total.Value, cancellationToken);
                }
            }

            if (batch.Count > 0)
            {
                await WriteAsync(db, insert, job, upload.Id, batch, total.Value, cancellationToken);
            }
        }
        catch (WorkListFormatException ex)
        {
            await RefuseAsync(db, job, upload.Id, ex.Message, cancellationToken);
            return;
        }

        await CompleteAsync(db, job, upload, cancellationToken);
    }

    private static async Task WriteAsync(
        PortalDbContext db, BatchInsert<WorkListEntry> insert, JobExecution job, int uploadId, List<WorkListEntry> batch, long total, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var accepted = batch.Count(e => e.RejectionReason is null);
        var rejected = batch.Count - accepted;
        var done = job.Done + batch.Count;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The checkpoint first: a runner that lost the job fails here, before writing a row.
        await job.SaveProgressAsync(db, batch[^1].LineNumber, done, Math.Max(total, done), cancellationToken);
        await insert.InsertAsync(batch, cancellationToken);
        await db.WorkListUploads.Where(u => u.Id == uploadId).ExecuteUpdateAsync(
            s => s.SetProperty(u => u.RowsAccepted, u => u.RowsAccepted + accepted).SetProperty(u => u.RowsRejected, u => u.RowsRejected + rejected),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        batch.Clear();
    }

    private async Task CompleteAsync(PortalDbContext db, JobExecution job, WorkListUpload upload, CancellationToken cancellationToken)
    {
        var uploadedAt = upload.UploadedAt;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await job.FinishAsync(db, cancellationToken);
        await db.WorkListUploads.Where(u => u.Id == upload.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Status, UploadStatus.Validated), cancellationToken);
        await db.Responses.Where(r => r.Id == upload.ResponseId).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, r => r.Status == ResponseStatus.NotOpened ? ResponseStatus.InProgress : r.Status)
                .SetProperty(r => r.LastActivityAt, r => r.LastActivityAt == null || r.LastActivityAt < uploadedAt ? uploadedAt : r.LastActivityAt),
            cancellationToken);
        await JobQueue.EnqueueAsync(db, JobKind.Reconciliation, upload.Id, upload.CompanyId, clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task RefuseAsync(PortalDbContext db, JobExecution job, int uploadId, string reason, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await job.FinishAsync(db, cancellationToken);
        // A file is refused before its first row (a bad header) or for having none, so normally nothing was kept.
        await db.WorkListEntries.Where(e => e.UploadId == uploadId).ExecuteDeleteAsync(cancellationToken);
        await db.WorkListUploads.Where(u => u.Id == uploadId).ExecuteUpdateAsync(
            s => s.SetProperty(u => u.Status, UploadStatus.Refused)
                .SetProperty(u => u.RefusalReason, BackgroundJob.Fit(reason, RefusalReasonLength))
                .SetProperty(u => u.RowsAccepted, 0)
                .SetProperty(u => u.RowsRejected, 0),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static WorkListEntry Entry(WorkListUpload upload, WorkListRow row) => new WorkListEntry
    {
        UploadId = upload.Id,
        CompanyId = upload.CompanyId,
        LineNumber = row.LineNumber,
        Title = row.Title,
        Artist = row.Artist,
        Album = row.Album,
        Isrc = row.Isrc?.Value ?? BackgroundJob.Fit(row.IsrcText, IdentifierLength),
        Iswc = row.Iswc?.Value ?? BackgroundJob.Fit(row.IswcText, IdentifierLength),
        Upc = row.Upc?.Value ?? BackgroundJob.Fit(row.UpcText, IdentifierLength),
        DurationSeconds = row.DurationSeconds,
        Year = row.Year,
        AssetKind = row.Asset,
        Dataset = row.Usage.Dataset,
        AccessMethod = row.Usage.AccessMethod,
        Copies = row.Usage.Copies,
        Retained = row.Usage.Retained,
        Purpose = row.Usage.Purpose,
        Model = row.Usage.Model,
        RejectionReason = BackgroundJob.Fit(row.Rejection, NoteLength),
        Warning = BackgroundJob.Fit(row.Warning, NoteLength),
    }.Stamp();

    /// <summary>
    /// Data rows to expect, for the progress bar: the file's line breaks less the header. Quoted fields with line
    /// breaks make it an overestimate; the job's total becomes exact when it finishes.
    /// </summary>
    internal static long EstimateRows(Stream file)
    {
        var start = file.Position;
        var buffer = new byte[1 << 16];
        long lineFeeds = 0, returns = 0;
        var last = (byte)'\n';
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            var span = buffer.AsSpan(0, read);
            lineFeeds += span.Count((byte)'\n');
            returns += span.Count((byte)'\r');
            last = span[^1];
        }

        file.Position = start;
        var lines = (lineFeeds > 0 ? lineFeeds : returns) + (last is (byte)'\n' or (byte)'\r' ? 0 : 1);
        return Math.Max(0, lines - 1);
    }
}
