using System.Security.Cryptography;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Catalog;

/// <summary>
/// Imports one catalog file: streams its rows through <see cref="CatalogFileReader"/>, upserts them by
/// identifier in batches (one lookup and one SaveChanges per batch, tracker cleared between batches) and
/// records a <see cref="CatalogVersion"/> with the counts. Upsert semantics: rows absent from the file stay.
/// A file refused whole throws <see cref="CatalogFileException"/> before anything is written; the rest runs
/// in one transaction, so a failure half-way leaves the catalog as it was.
/// </summary>
public sealed class CatalogImporter(PortalDbContext db, TimeProvider clock)
{
    public async Task<CatalogVersion> ImportAsync(
        Stream stream, string fileName, CatalogFileKind kind, CatalogImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new CatalogImportOptions();
        var started = clock.GetUtcNow();
        var start = stream.Position;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        stream.Position = start;

        using var rows = CatalogFileReader.Read(stream, kind, options.ColumnOverrides).GetEnumerator();
        var hasRow = rows.MoveNext(); // reads the header: whole-file refusals surface here, before any write

        var version = new CatalogVersion { Kind = kind, FileName = Path.GetFileName(fileName), Sha256 = sha256, StartedAt = started };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.CatalogVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);

        var upsert = new CatalogBatchUpsert(db, version);
        var batch = new List<CatalogItem>(options.BatchSize);
        for (; hasRow; hasRow = rows.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = rows.Current;
            version.Rows++;
            if (row.Item is null)
            {
                version.Rejected++;
                options.Rejected?.Invoke(row);
                continue;
            }

            batch.Add(row.Item);
            if (batch.Count == options.BatchSize)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        await new CatalogLinker(db).LinkAsync(cancellationToken);

        version.FinishedAt = clock.GetUtcNow();
        db.CatalogVersions.Attach(version);
        db.Entry(version).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return version;

        async Task FlushAsync()
        {
            if (batch.Count > 0)
            {
                await upsert.ApplyAsync(batch, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                batch.Clear();
            }

            options.Progress?.Invoke(version.Rows);
        }
    }
}
