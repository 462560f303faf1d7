using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Catalog;

/// <summary>
/// Links recordings to their composition and releases through the label's own ids, whichever file came
/// first. Runs set-based after each import so it costs a few statements, not a query per row.
/// </summary>
internal sealed class CatalogLinker(PortalDbContext db)
{
    private const int TrackBatch = 1000;

    public async Task LinkAsync(CancellationToken cancellationToken)
    {
        await db.CatalogRecordings
            .Where(r => r.CompositionId == null && r.CompositionSourceId != null)
            .Where(r => db.CatalogCompositions.Any(c => c.SourceId == r.CompositionSourceId))
            .ExecuteUpdateAsync(
                s => s.SetProperty(
                    r => r.CompositionId,
                    r => db.CatalogCompositions.Where(c => c.SourceId == r.CompositionSourceId).OrderBy(c => c.Id).Select(c => (long?)c.Id).First()),
                cancellationToken);

        // A changed position on a recording moves its existing track.
        await db.ReleaseTracks
            .Where(t => db.CatalogRecordings.Any(r => r.Id == t.RecordingId
                && (r.ReleaseTrackNumber != t.TrackNumber || (r.ReleaseDiscNumber ?? 1) != t.DiscNumber)))
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(t => t.TrackNumber, t => db.CatalogRecordings.Where(r => r.Id == t.RecordingId).Select(r => r.ReleaseTrackNumber).First())
                    .SetProperty(t => t.DiscNumber, t => db.CatalogRecordings.Where(r => r.Id == t.RecordingId).Select(r => r.ReleaseDiscNumber ?? 1).First()),
                cancellationToken);

        // Without a track number column the position stays unknown: row order is not trusted to be the running order.
        while (true)
        {
            var missing = await (
                    from recording in db.CatalogRecordings
                    where recording.ReleaseSourceId != null
                    join release in db.CatalogReleases on recording.ReleaseSourceId equals release.SourceId
                    where !db.ReleaseTracks.Any(t => t.ReleaseId == release.Id && t.RecordingId == recording.Id)
                    orderby recording.Id, release.Id
                    select new ReleaseTrack
                    {
                        ReleaseId = release.Id,
                        RecordingId = recording.Id,
                        TrackNumber = recording.ReleaseTrackNumber,
                        DiscNumber = recording.ReleaseDiscNumber ?? 1,
                    })
                .Take(TrackBatch)
                .ToListAsync(cancellationToken);
            if (missing.Count == 0)
            {
                return;
            }

            db.ReleaseTracks.AddRange(missing);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
