using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Review.Works;

/// <summary>A catalog entry confirmed in companies' lists: how many companies named it, in how many rows.</summary>
public sealed record NamedWork(CatalogKind Kind, long CatalogId, string Identifier, string Title, string? Credit, int Companies, int Rows);

public sealed record NamedWorkPage(IReadOnlyList<NamedWork> Items, int TotalCount);

/// <summary>One company's row that named a work, as listed.</summary>
public sealed record Naming(int CompanyId, string Company, string FileName, DateTimeOffset UploadedAt, int LineNumber, string? Title, string? Artist, string? Isrc, string? DecidedBy);

/// <summary>The cross-company view: the label's works by how many companies named them (confirmed decisions only: the evidence).</summary>
public sealed class CrossCompanyService(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session)
{
    public async Task<NamedWorkPage> GetWorksAsync(int? requestId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var grouped = Confirmed(db, requestId)
            .GroupBy(d => new { Kind = d.ChosenKind!.Value, Id = d.ChosenCatalogId!.Value })
            .Select(g => new { g.Key.Kind, g.Key.Id, Companies = g.Select(d => d.CompanyId).Distinct().Count(), Rows = g.Count() });
        var total = await grouped.CountAsync(cancellationToken);
        var counts = await grouped.OrderByDescending(g => g.Companies).ThenByDescending(g => g.Rows).ThenBy(g => g.Kind).ThenBy(g => g.Id)
            .Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var names = await NamesAsync(db, counts.Select(c => (c.Kind, c.Id)).ToList(), cancellationToken);
        var items = counts.Select(c => names.TryGetValue((c.Kind, c.Id), out var n)
            ? new NamedWork(c.Kind, c.Id, n.Identifier, n.Title, n.Credit, c.Companies, c.Rows)
            : new NamedWork(c.Kind, c.Id, "?", "(no longer in the catalog)", null, c.Companies, c.Rows)).ToList();
        return new NamedWorkPage(items, total);
    }

    /// <summary>Who named the work and how: each confirmed row, by company (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<Naming>> GetNamingsAsync(CatalogKind kind, long catalogId, int? requestId, int limit = 200, CancellationToken cancellationToken = default)
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Confirmed(db, requestId)
            .Where(d => d.ChosenKind == kind && d.ChosenCatalogId == catalogId)
            .OrderBy(d => d.CompanyId).ThenBy(d => d.EntryId).Take(limit)
            .Select(d => new Naming(
                d.CompanyId,
                db.Companies.Where(c => c.Id == d.CompanyId).Select(c => c.Name).First(),
                db.WorkListUploads.Where(u => u.Id == d.UploadId).Select(u => u.FileName).First(),
                db.WorkListUploads.Where(u => u.Id == d.UploadId).Select(u => u.UploadedAt).First(),
                d.Entry!.LineNumber, d.Entry.Title, d.Entry.Artist, d.Entry.Isrc, d.DecidedBy))
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<MatchDecision> Confirmed(PortalDbContext db, int? requestId)
    {
        var query = db.MatchDecisions.AsNoTracking().Where(d => d.State == DecisionState.Confirmed && d.ChosenKind != null && d.ChosenCatalogId != null);
        return requestId is { } request ? query.Where(d => d.RequestId == request) : query;
    }

    private static async Task<Dictionary<(CatalogKind, long), (string Identifier, string Title, string? Credit)>> NamesAsync(
        PortalDbContext db, List<(CatalogKind Kind, long Id)> keys, CancellationToken cancellationToken)
    {
        var ids = keys.ToLookup(k => k.Kind, k => k.Id);
        var recordings = ids[CatalogKind.Recordings].ToList();
        var compositions = ids[CatalogKind.Compositions].ToList();
        var releases = ids[CatalogKind.Releases].ToList();
        var names = new Dictionary<(CatalogKind, long), (string, string, string?)>();
        foreach (var r in await db.CatalogRecordings.AsNoTracking().Where(r => recordings.Contains(r.Id)).Select(r => new { r.Id, r.Isrc, r.Title, r.Artist }).ToListAsync(cancellationToken))
        {
            names[(CatalogKind.Recordings, r.Id)] = (r.Isrc, r.Title, r.Artist);
        }

        foreach (var c in await db.CatalogCompositions.AsNoTracking().Where(c => compositions.Contains(c.Id)).Select(c => new { c.Id, c.Iswc, c.Title }).ToListAsync(cancellationToken))
        {
            names[(CatalogKind.Compositions, c.Id)] = (c.Iswc ?? "", c.Title, null);
        }

        foreach (var r in await db.CatalogReleases.AsNoTracking().Where(r => releases.Contains(r.Id)).Select(r => new { r.Id, r.Gtin, r.Title, r.Artist }).ToListAsync(cancellationToken))
        {
            names[(CatalogKind.Releases, r.Id)] = (r.Gtin, r.Title, r.Artist);
        }

        return names;
    }
}
