using System.Security.Cryptography;
using System.Threading.Channels;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Data.Jobs;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Catalog;

/// <summary>
/// Imports one catalog file: streams its rows through <see cref="CatalogFileReader"/>, upserts them by
/// identifier in batches and records a <see cref="CatalogVersion"/> with the counts. Reading, validating and
/// fingerprinting run on one thread while the database writes the previous batch on another. Rows absent
/// from the file stay, unless the file is declared complete, when they are marked removed (never deleted).
/// A file refused whole throws <see cref="CatalogFileException"/> before anything is written; the rest runs
/// in one transaction, so a failure half-way leaves the catalog as it was. An import that adds, changes or
/// removes entries queues reconciliation again for the uploads of sent requests, in that same transaction.
/// </summary>
public sealed class CatalogImporter(PortalDbContext db, TimeProvider clock)
{
    private sealed record Batch(int Rows, List<PreparedItem> Items, List<CatalogFileRow> Rejected);

    public async Task<CatalogVersion> ImportAsync(
        Stream stream, string fileName, CatalogKind kind, CatalogImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new CatalogImportOptions();
        var started = clock.GetUtcNow();
        var start = stream.Position;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        stream.Position = start;

        using var rows = CatalogFileReader.Read(stream, kind, options.ColumnOverrides).GetEnumerator();
        var hasRow = rows.MoveNext(); // reads the header: whole-file refusals surface here, before any write

        var version = new CatalogVersion { Kind = kind, FileName = Path.GetFileName(fileName), Sha256 = sha256, StartedAt = started, Complete = options.Complete };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.CatalogVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var wasEmpty = await CatalogBatchUpsert.IsEmptyAsync(db, kind, cancellationToken);
        var suspended = !wasEmpty ? null : kind switch
        {
            CatalogKind.Recordings => await SuspendedIndexes.DropAsync<CatalogRecording>(db, cancellationToken),
            CatalogKind.Releases => await SuspendedIndexes.DropAsync<CatalogRelease>(db, cancellationToken),
            _ => null, // compositions go in through EF with their writers; their first load keeps its indexes
        };
        await using (var upsert = new CatalogBatchUpsert(db, version, options.Complete, wasEmpty))
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            var reading = Task.Run(() => ReadAsync(rows, hasRow, options.BatchSize, batches.Writer, stop.Token), stop.Token);
            try
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
                {
                    version.Rows += batch.Rows;
                    version.Rejected += batch.Rejected.Count;
                    batch.Rejected.ForEach(row => options.Rejected?.Invoke(row));
                    if (batch.Items.Count > 0)
                    {
                        await upsert.ApplyAsync(batch.Items, cancellationToken);
                    }

                    options.Progress?.Invoke(version.Rows);
                }
            }
            finally
            {
                await stop.CancelAsync();
                await reading.ContinueWith(_ => { }, TaskScheduler.Default); // the reader's own fault, if any, came through the channel
            }

            if (suspended is not null)
            {
                await suspended.RestoreAsync(cancellationToken);
            }

            if (options.Complete)
            {
                version.Removed = await upsert.MarkRemovedAsync(kind, cancellationToken);
            }
        }

        await new CatalogLinker(db).LinkAsync(cancellationToken);
        if (version.Added + version.Changed + version.Removed > 0)
        {
            // In the import's transaction: the new catalog and the re-runs it calls for are committed together.
            await JobQueue.ReconcileSentRequestsAgainAsync(db, clock.GetUtcNow(), cancellationToken);
        }

        version.FinishedAt = clock.GetUtcNow();
        db.CatalogVersions.Update(version);
        Auditing.AuditLog.Stage(db, options.Actor ?? Auditing.AuditActor.System, version.FinishedAt.Value, Auditing.AuditActions.CatalogImported, version, null, null,
            new { version.Kind, version.FileName, version.Sha256, version.Complete, version.Rows, version.Added, version.Changed, version.Removed, version.Rejected });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return version;
    }

    private static async Task ReadAsync(IEnumerator<CatalogFileRow> rows, bool hasRow, int batchSize, ChannelWriter<Batch> output, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new Batch(0, new List<PreparedItem>(batchSize), []);
            for (; hasRow; hasRow = rows.MoveNext())
            {
                var row = rows.Current;
                if (row.Item is null)
                {
                    batch.Rejected.Add(row);
                }
                else
                {
                    batch.Items.Add(PreparedItem.Of(row.Item));
                }

                batch = batch with { Rows = batch.Rows + 1 };
                if (batch.Items.Count == batchSize)
                {
                    await output.WriteAsync(batch, cancellationToken);
                    batch = new Batch(0, new List<PreparedItem>(batchSize), []);
                }
            }

            await output.WriteAsync(batch, cancellationToken);
            output.Complete();
        }
        catch (Exception ex)
        {
            output.TryComplete(ex);
        }
    }
}
