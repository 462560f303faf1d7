using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Review;

/// <summary>
/// The matching index of the catalog as it stands, built once and kept while the catalog does not change. The
/// catalog's state is its newest import and its entry counts: any import (or the demo seeding) moves one of them,
/// and the next reconciliation builds a new index from the database, streamed, entries marked removed left out.
/// </summary>
public sealed class CatalogMatchIndex(IServiceScopeFactory scopes, ILogger<CatalogMatchIndex> logger) : IDisposable
{
    private readonly SemaphoreSlim building = new(1, 1);
    private (CatalogState State, CatalogIndex Index)? current;

    public async Task<CatalogIndex> GetAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff(); // the catalog is the label's, not a company's
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var state = await CatalogState.ReadAsync(db, cancellationToken);
        if (current is { } known && known.State == state)
        {
            return known.Index;
        }

        await building.WaitAsync(cancellationToken);
        try
        {
            if (current is { } built && built.State == state)
            {
                return built.Index;
            }

            var started = TimeProvider.System.GetTimestamp();
            var index = await BuildAsync(dbFactory, cancellationToken);
            current = (state, index);
            logger.LogInformation(
                "Matching index built: {Recordings} recordings, {Compositions} compositions, {Releases} releases in {Elapsed}",
                index.RecordingCount, index.CompositionCount, index.ReleaseCount, TimeProvider.System.GetElapsedTime(started));
            return index;
        }
        finally
        {
            building.Release();
        }
    }

    public void Dispose() => building.Dispose();

    private static async Task<CatalogIndex> BuildAsync(IDbContextFactory<PortalDbContext> dbFactory, CancellationToken cancellationToken)
    {
        // Each kind on a context of its own: the three are streamed one after the other while the index reads them.
        await using var compositionsDb = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var releasesDb = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var recordingsDb = await dbFactory.CreateDbContextAsync(cancellationToken);
        var writers = (await compositionsDb.CompositionWriters.AsNoTracking()
                .Select(w => new { w.CompositionId, w.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(w => w.CompositionId, w => w.Name);
        var compositions = compositionsDb.CatalogCompositions.AsNoTracking()
            .Where(c => c.RemovedInVersionId == null)
            .Select(c => new { c.Id, c.Iswc, c.Title })
            .AsEnumerable()
            .Select(c => new CompositionEntry(c.Id, c.Iswc, c.Title, writers[c.Id].ToList()));
        var releases = releasesDb.CatalogReleases.AsNoTracking()
            .Where(r => r.RemovedInVersionId == null)
            .Select(r => new ReleaseEntry(r.Id, r.Gtin, r.Title, r.Artist, r.ReleaseYear))
            .AsEnumerable();
        var recordings = recordingsDb.CatalogRecordings.AsNoTracking()
            .Where(r => r.RemovedInVersionId == null)
            .Select(r => new
            {
                r.Id, r.Isrc, r.Title, r.Version, r.Artist, r.FeaturedArtists, r.DurationSeconds, r.ReleaseYear, r.CompositionId,
                ReleaseId = recordingsDb.ReleaseTracks.Where(t => t.RecordingId == r.Id).OrderBy(t => t.Id).Select(t => (long?)t.ReleaseId).FirstOrDefault(),
            })
            .AsEnumerable()
            .Select(r => new RecordingEntry(
                r.Id, r.Isrc, r.Title, r.Version, r.Artist,
                r.FeaturedArtists?.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                DurationSeconds: r.DurationSeconds, Year: r.ReleaseYear, CompositionId: r.CompositionId, ReleaseId: r.ReleaseId));
        return await Task.Run(() => CatalogIndex.Build(recordings, compositions, releases), cancellationToken);
    }

    private sealed record CatalogState(long? NewestImport, int Recordings, int Compositions, int Releases)
    {
        public static async Task<CatalogState> ReadAsync(PortalDbContext db, CancellationToken cancellationToken) => new(
            await db.CatalogVersions.MaxAsync(v => (long?)v.Id, cancellationToken),
            await db.CatalogRecordings.CountAsync(r => r.RemovedInVersionId == null, cancellationToken),
            await db.CatalogCompositions.CountAsync(c => c.RemovedInVersionId == null, cancellationToken),
            await db.CatalogReleases.CountAsync(r => r.RemovedInVersionId == null, cancellationToken));
    }
}
