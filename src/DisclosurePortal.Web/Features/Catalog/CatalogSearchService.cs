using DisclosurePortal.Core.Identifiers;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Catalog;

public enum CatalogKind
{
    Recordings,
    Compositions,
    Releases,
}

/// <summary>What the staff typed: an identifier in any pasted form, or the start of a title or artist.</summary>
public sealed record CatalogQuery(CatalogKind Kind, string? Text, int? Year);

/// <summary>One catalog entry as a search result row; <see cref="Credit"/> is the artist or the writers.</summary>
public sealed record CatalogEntryRow(long Id, string Identifier, string Title, string? Version, string Credit, int? Year);

public sealed record CatalogPage(IReadOnlyList<CatalogEntryRow> Items, int TotalCount);

/// <summary>
/// Staff search over the catalog, paged on the server. A pasted identifier (ISRC, ISWC, UPC/EAN, any case,
/// hyphens or spaces) is looked up exactly; other text matches the start of the normalised title or artist.
/// </summary>
public sealed class CatalogSearchService(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session)
{
    public async Task<CatalogPage> SearchAsync(CatalogQuery query, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var text = query.Text?.Trim();
        var key = TextNormaliser.Key(text);
        return query.Kind switch
        {
            CatalogKind.Compositions => await WithWritersAsync(db, await PageAsync(CompositionsQuery(db, text, key), page, pageSize, cancellationToken), cancellationToken),
            CatalogKind.Releases => await PageAsync(ReleasesQuery(db, text, key, query.Year), page, pageSize, cancellationToken),
            _ => await PageAsync(RecordingsQuery(db, text, key, query.Year), page, pageSize, cancellationToken),
        };
    }

    private static IQueryable<CatalogEntryRow> RecordingsQuery(PortalDbContext db, string? text, string key, int? year)
    {
        var recordings = db.CatalogRecordings.AsNoTracking();
        if (Isrc.TryParse(text, out var isrc))
        {
            recordings = recordings.Where(r => r.Isrc == isrc.Value);
        }
        else if (key.Length > 0)
        {
            recordings = recordings.Where(r => r.TitleKey.StartsWith(key) || r.ArtistKey.StartsWith(key));
        }

        if (year is { } y)
        {
            recordings = recordings.Where(r => r.ReleaseYear == y);
        }

        return recordings.OrderBy(r => r.TitleKey).ThenBy(r => r.Id)
            .Select(r => new CatalogEntryRow(r.Id, r.Isrc, r.Title, r.Version, r.Artist, r.ReleaseYear));
    }

    private static IQueryable<CatalogEntryRow> CompositionsQuery(PortalDbContext db, string? text, string key)
    {
        var compositions = db.CatalogCompositions.AsNoTracking();
        if (Iswc.TryParse(text, out var iswc))
        {
            compositions = compositions.Where(c => c.Iswc == iswc.Value);
        }
        else if (key.Length > 0)
        {
            compositions = compositions.Where(c => c.TitleKey.StartsWith(key));
        }

        return compositions.OrderBy(c => c.TitleKey).ThenBy(c => c.Id)
            .Select(c => new CatalogEntryRow(c.Id, c.Iswc ?? "—", c.Title, null, string.Empty, null));
    }

    // Writers are fetched for the page only, in one query, rather than aggregated in SQL per provider.
    private static async Task<CatalogPage> WithWritersAsync(PortalDbContext db, CatalogPage page, CancellationToken cancellationToken)
    {
        var ids = page.Items.Select(i => i.Id).ToList();
        var writers = await db.CompositionWriters.AsNoTracking()
            .Where(w => ids.Contains(w.CompositionId))
            .OrderBy(w => w.Id)
            .Select(w => new { w.CompositionId, w.Name })
            .ToListAsync(cancellationToken);
        var byComposition = writers.ToLookup(w => w.CompositionId, w => w.Name);
        return page with { Items = page.Items.Select(i => i with { Credit = string.Join(", ", byComposition[i.Id]) }).ToList() };
    }

    private static IQueryable<CatalogEntryRow> ReleasesQuery(PortalDbContext db, string? text, string key, int? year)
    {
        var releases = db.CatalogReleases.AsNoTracking();
        if (Gtin.TryParse(text, out var gtin))
        {
            releases = releases.Where(r => r.Gtin == gtin.Value);
        }
        else if (key.Length > 0)
        {
            releases = releases.Where(r => r.TitleKey.StartsWith(key) || r.ArtistKey.StartsWith(key));
        }

        if (year is { } y)
        {
            releases = releases.Where(r => r.ReleaseYear == y);
        }

        return releases.OrderBy(r => r.TitleKey).ThenBy(r => r.Id)
            .Select(r => new CatalogEntryRow(r.Id, r.Gtin, r.Title, null, r.Artist, r.ReleaseYear));
    }

    private static async Task<CatalogPage> PageAsync(IQueryable<CatalogEntryRow> rows, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new CatalogPage(items, total);
    }
}
