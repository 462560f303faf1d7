using DisclosurePortal.Core.Identifiers;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Review;

/// <summary>
/// Today's engine behind <see cref="IWorkListMatcher"/>: for each batch it fetches only the catalog recordings
/// that share an ISRC or a normalised title with the batch (so the catalog is never loaded whole) and runs Core's
/// <see cref="RecordingMatcher"/> on them, one candidate per row at most.
/// </summary>
public sealed class RecordingReconciliation(IDbContextFactory<PortalDbContext> dbFactory) : IWorkListMatcher
{
    public async Task<IReadOnlyList<ProposedMatch>> MatchAsync(IReadOnlyList<WorkListEntry> rows, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matcher = await MatcherForAsync(db, rows, cancellationToken);
        var matches = new List<ProposedMatch>();
        foreach (var row in rows)
        {
            Isrc? isrc = Isrc.TryParse(row.Isrc, out var code) ? code : null;
            if (matcher.Match(isrc, row.Title, row.Artist) is { } match)
            {
                matches.Add(new ProposedMatch(row.Id, 1, match.CatalogRecordingId, match.Tier, match.Score, match.Reasons));
            }
        }

        return matches;
    }

    private static async Task<RecordingMatcher> MatcherForAsync(PortalDbContext db, IReadOnlyList<WorkListEntry> rows, CancellationToken cancellationToken)
    {
        var isrcs = rows.Select(e => e.Isrc).OfType<string>().Distinct().ToList();
        // Both the title as listed and without its version words, so "Song (Remastered 2011)" finds "Song".
        var titleKeys = rows
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
