using DisclosurePortal.Core.Identifiers;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Review;

/// <summary>
/// Matches an upload's accepted rows against the catalog, a batch at a time: each batch fetches only the
/// catalog recordings that share an ISRC or a normalised title with it, so the catalog is never loaded whole.
/// </summary>
public sealed class RecordingReconciliation(IDbContextFactory<PortalDbContext> dbFactory)
{
    private const int BatchSize = 500;

    /// <summary>Replaces the upload's match candidates and returns how many rows matched.</summary>
    public async Task<int> ReconcileUploadAsync(int uploadId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.MatchCandidates.Where(m => db.WorkListEntries.Any(e => e.Id == m.EntryId && e.UploadId == uploadId)).ExecuteDeleteAsync(cancellationToken);

        var matched = 0;
        long lastId = 0;
        while (true)
        {
            var entries = await db.WorkListEntries.AsNoTracking()
                .Where(e => e.UploadId == uploadId && e.RejectionReason == null && e.Id > lastId)
                .OrderBy(e => e.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (entries.Count == 0)
            {
                break;
            }

            lastId = entries[^1].Id;
            var matcher = await MatcherForAsync(db, entries, cancellationToken);
            foreach (var entry in entries)
            {
                Isrc? isrc = Isrc.TryParse(entry.Isrc, out var code) ? code : null;
                if (matcher.Match(isrc, entry.Title, entry.Artist) is { } match)
                {
                    matched++;
                    db.MatchCandidates.Add(new MatchCandidate
                    {
                        EntryId = entry.Id,
                        CompanyId = entry.CompanyId,
                        CatalogRecordingId = match.CatalogRecordingId,
                        Tier = match.Tier,
                        Score = match.Score,
                        Reasons = match.Reasons,
                    });
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
        return matched;
    }

    private static async Task<RecordingMatcher> MatcherForAsync(PortalDbContext db, List<WorkListEntry> entries, CancellationToken cancellationToken)
    {
        var isrcs = entries.Select(e => e.Isrc).OfType<string>().Distinct().ToList();
        // Both the title as listed and without its version words, so "Song (Remastered 2011)" finds "Song".
        var titleKeys = entries
            .SelectMany(e => new[] { TextNormaliser.Key(e.Title), TitleParser.Parse(e.Title).BaseKey })
            .Where(k => k.Length > 0)
            .Distinct()
            .ToList();
        var catalog = await db.CatalogRecordings.AsNoTracking()
            .Where(r => r.RemovedInVersionId == null && (isrcs.Contains(r.Isrc) || titleKeys.Contains(r.TitleKey)))
            .Select(r => new CatalogRecordingKey(r.Id, r.Isrc, r.Title, r.Artist))
            .ToListAsync(cancellationToken);
        return new RecordingMatcher(catalog);
    }
}
