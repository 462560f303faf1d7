using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Responses.Versions;

public enum RowChange
{
    Added,
    Removed,
    Changed,
}

public sealed record RowChangeCounts(int Added, int Removed, int Changed)
{
    public int Total => Added + Removed + Changed;
}

/// <summary>A listed work as one version's file gave it.</summary>
public sealed record ListedWork(string? Title, string? Artist, string? Isrc, string FileName, int LineNumber, string? Details = null);

/// <summary>One work that differs: what the older version listed, what the newer one lists (null where absent).</summary>
public sealed record RowDifference(RowChange Change, ListedWork? Before, ListedWork? After);

public sealed record RowDifferencePage(IReadOnlyList<RowDifference> Items, int Total);

/// <summary>
/// Compares the work lists of two versions in the database, by row identity (WorkListEntry.RowKey: the ISRC, else
/// normalised title and artist). Added: a work only the newer lists; removed: only the older; changed: both list
/// it, but the newer with details (spelling, ISRC) the older did not have. Counts and pages are queries, so a list
/// of millions of rows is never loaded; a work listed twice counts once.
/// </summary>
internal static class WorkListDifference
{
    private const int StampBatch = 1000;

    /// <summary>The uploads version <paramref name="number"/> of a response comprised (none when there is no such version).</summary>
    public static Task<List<int>> UploadsOfAsync(PortalDbContext db, int responseId, int number, CancellationToken cancellationToken) =>
        db.ResponseVersionUploads.Where(u => db.ResponseVersions.Any(v => v.Id == u.VersionId && v.ResponseId == responseId && v.Number == number))
            .Select(u => u.UploadId).ToListAsync(cancellationToken);

    public static Task<int> WorksAsync(PortalDbContext db, IReadOnlyCollection<int> uploads, CancellationToken cancellationToken) =>
        Rows(db, uploads).Select(e => e.RowKey).Distinct().CountAsync(cancellationToken);

    public static async Task<RowChangeCounts> CountAsync(PortalDbContext db, IReadOnlyCollection<int> before, IReadOnlyCollection<int> after, CancellationToken cancellationToken) =>
        new(await CountAsync(db, RowChange.Added, before, after, cancellationToken),
            await CountAsync(db, RowChange.Removed, before, after, cancellationToken),
            await CountAsync(db, RowChange.Changed, before, after, cancellationToken));

    public static async Task<RowDifferencePage> PageAsync(PortalDbContext db, RowChange change, IReadOnlyCollection<int> before, IReadOnlyCollection<int> after,
        int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await CountAsync(db, change, before, after, cancellationToken);
        var keys = await Side(db, change, before, after)
            .GroupBy(e => e.RowKey)
            .Select(g => new { Key = g.Key!, First = g.Min(e => e.Id) })
            .OrderBy(k => k.First)
            .Skip(page * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        var keyList = keys.Select(k => k.Key).ToList();
        // The shown side's first row per work, and for changed works the older version's first row too.
        var ids = keys.Select(k => k.First).ToList();
        if (change == RowChange.Changed)
        {
            ids.AddRange(await Rows(db, before).Where(e => keyList.Contains(e.RowKey!)).GroupBy(e => e.RowKey).Select(g => g.Min(e => e.Id)).ToListAsync(cancellationToken));
        }

        var works = await db.WorkListEntries.AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .Select(e => new
            {
                e.Id,
                e.RowKey,
                Work = new ListedWork(e.Title, e.Artist, e.Isrc, db.WorkListUploads.Where(u => u.Id == e.UploadId).Select(u => u.FileName).First(), e.LineNumber),
                e.Album,
                e.Iswc,
                e.Upc,
                e.Dataset,
                e.Purpose,
                e.Model,
                e.DurationSeconds,
                e.Year,
                e.AssetKind,
            })
            .ToListAsync(cancellationToken);
        // What else the row says, so a row changed only in its album, duration or use shows how.
        var byId = works.ToDictionary(w => w.Id, w => w.Work with
        {
            Details = string.Join(" · ", new[] { w.Album, w.Iswc, w.Upc, w.Dataset, w.Purpose, w.Model }
                .Append(w.DurationSeconds is { } d ? $"{d / 60}:{d % 60:00}" : null)
                .Append(w.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(w.AssetKind == Core.Matching.AssetKind.Audio ? null : Core.WorkLists.WorkListAssets.Label(w.AssetKind))
                .Where(v => !string.IsNullOrWhiteSpace(v))),
        });
        var olderByKey = works.Where(w => !keys.Any(k => k.First == w.Id)).GroupBy(w => w.RowKey!).ToDictionary(g => g.Key, g => byId[g.First().Id]);
        var items = keys.Select(k => change switch
        {
            RowChange.Added => new RowDifference(change, null, byId[k.First]),
            RowChange.Removed => new RowDifference(change, byId[k.First], null),
            _ => new RowDifference(change, olderByKey.GetValueOrDefault(k.Key), byId[k.First]),
        }).ToList();
        return new RowDifferencePage(items, total);
    }

    /// <summary>
    /// Gives every accepted row of these uploads its identity, for rows stored before identities were kept (or by
    /// a path that did not stamp them). Uploads never change, so each is stamped once.
    /// </summary>
    public static async Task StampAsync(PortalDbContext db, IReadOnlyCollection<int> uploads, CancellationToken cancellationToken)
    {
        long lastId = 0;
        while (true)
        {
            var batch = await db.WorkListEntries
                .Where(e => uploads.Contains(e.UploadId) && e.RejectionReason == null && e.RowKey == null && e.Id > lastId)
                .OrderBy(e => e.Id)
                .Take(StampBatch)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            batch.ForEach(e => e.Stamp());
            lastId = batch[^1].Id;
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private static Task<int> CountAsync(PortalDbContext db, RowChange change, IReadOnlyCollection<int> before, IReadOnlyCollection<int> after, CancellationToken cancellationToken) =>
        Side(db, change, before, after).Select(e => e.RowKey).Distinct().CountAsync(cancellationToken);

    private static IQueryable<WorkListEntry> Rows(PortalDbContext db, IReadOnlyCollection<int> uploads) =>
        db.WorkListEntries.Where(e => uploads.Contains(e.UploadId) && e.RowKey != null);

    private static IQueryable<WorkListEntry> Side(PortalDbContext db, RowChange change, IReadOnlyCollection<int> before, IReadOnlyCollection<int> after) => change switch
    {
        RowChange.Added => Rows(db, after).Where(n => !Rows(db, before).Any(o => o.RowKey == n.RowKey)),
        RowChange.Removed => Rows(db, before).Where(o => !Rows(db, after).Any(n => n.RowKey == o.RowKey)),
        _ => Rows(db, after).Where(n => Rows(db, before).Any(o => o.RowKey == n.RowKey)
            && !Rows(db, before).Any(o => o.RowKey == n.RowKey && o.RowFingerprint == n.RowFingerprint)),
    };
}
