using System.Globalization;
using System.Runtime.CompilerServices;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Review.Evidence;

/// <summary>One listed work as evidence: the submitted row, the best candidate, the decision and who made it.</summary>
public sealed record EvidenceRow(
    long Id, string Company, string FileName, int LineNumber, string? Title, string? Artist, string? Isrc,
    MatchTier Tier, double Score, string? Reasons, CatalogKind? CandidateKind, string? CandidateIdentifier, string? CandidateTitle, string? CandidateArtist,
    DecisionState State, string? ChosenIdentifier, string? DecidedBy, DateTimeOffset? DecidedAt, string? Comment);

/// <summary>Which rows an export holds: a whole request, or one company's rows in it.</summary>
public sealed record EvidenceScope(int RequestId, int? CompanyId);

/// <summary>
/// Reads the evidence in id order, a page at a time and untracked, so an export of a million rows holds one page
/// in memory; the writers (<see cref="EvidenceWriters"/>) stream each page to the response as it comes.
/// </summary>
public static class EvidenceExport
{
    public const int PageSize = 5000;

    public static readonly IReadOnlyList<string> Headers =
    [
        "company", "file", "line", "listed title", "listed artist", "listed ISRC", "tier", "score", "reasons",
        "catalog kind", "catalog identifier", "catalog title", "catalog artist", "decision", "confirmed catalog identifier",
        "reviewer", "decided at (UTC)", "comment",
    ];

    public static async IAsyncEnumerable<EvidenceRow> ReadAsync(PortalDbContext db, EvidenceScope scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = 0L;
        while (true)
        {
            var page = await Page(db, scope, after).ToListAsync(cancellationToken);
            foreach (var row in page)
            {
                yield return row;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    /// <summary>The row's cells as text, in <see cref="Headers"/> order; numbers and times invariant.</summary>
    public static IReadOnlyList<object?> Cells(EvidenceRow row) =>
    [
        row.Company, row.FileName, row.LineNumber, row.Title, row.Artist, row.Isrc, row.Tier.ToString().ToLowerInvariant(),
        row.Score.ToString("0.###", CultureInfo.InvariantCulture), row.Reasons, row.CandidateKind?.ToString(), row.CandidateIdentifier, row.CandidateTitle, row.CandidateArtist,
        row.State switch { DecisionState.Confirmed => "confirmed", DecisionState.Rejected => "rejected", _ => "needs review" },
        row.ChosenIdentifier, row.DecidedBy, row.DecidedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), row.Comment,
    ];

    private static IQueryable<EvidenceRow> Page(PortalDbContext db, EvidenceScope scope, long after)
    {
        var decisions = db.MatchDecisions.AsNoTracking().Where(d => d.RequestId == scope.RequestId && d.Id > after);
        if (scope.CompanyId is { } company)
        {
            decisions = decisions.Where(d => d.CompanyId == company);
        }

        var best = db.MatchCandidates.AsNoTracking().Where(c => c.Rank == 1);
        return from d in decisions.OrderBy(d => d.Id).Take(PageSize)
               join c in best on new { d.RunId, d.EntryId } equals new { c.RunId, c.EntryId } into candidates
               from c in candidates.DefaultIfEmpty()
               orderby d.Id
               select new EvidenceRow(
                   d.Id,
                   db.Companies.Where(x => x.Id == d.CompanyId).Select(x => x.Name).First(),
                   db.WorkListUploads.Where(u => u.Id == d.UploadId).Select(u => u.FileName).First(),
                   d.Entry!.LineNumber, d.Entry.Title, d.Entry.Artist, d.Entry.Isrc,
                   d.Tier, d.Score, c == null ? null : c.Reasons, d.CandidateKind,
                   c == null ? null : c.CatalogRecording!.Isrc ?? c.CatalogComposition!.Iswc ?? c.CatalogRelease!.Gtin,
                   c == null ? null : c.CatalogRecording!.Title ?? c.CatalogComposition!.Title ?? c.CatalogRelease!.Title,
                   c == null ? null : c.CatalogRecording!.Artist ?? c.CatalogRelease!.Artist,
                   d.State,
                   d.ChosenKind == CatalogKind.Recordings ? db.CatalogRecordings.Where(r => r.Id == d.ChosenCatalogId).Select(r => r.Isrc).FirstOrDefault()
                       : d.ChosenKind == CatalogKind.Compositions ? db.CatalogCompositions.Where(r => r.Id == d.ChosenCatalogId).Select(r => r.Iswc).FirstOrDefault()
                       : d.ChosenKind == CatalogKind.Releases ? db.CatalogReleases.Where(r => r.Id == d.ChosenCatalogId).Select(r => r.Gtin).FirstOrDefault()
                       : null,
                   d.DecidedBy, d.DecidedAt, d.Comment);
    }
}
