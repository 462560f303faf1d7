using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Catalog;

/// <summary>What staff typed: an identifier in any pasted form, or the start of a title or artist.</summary>
public sealed record CatalogQuery(CatalogKind Kind, string? Text, int? Year);

/// <summary>One catalog entry as a search result row; <see cref="Credit"/> is the artist or the writers.</summary>
public sealed record CatalogEntryRow(long Id, string Identifier, string Title, string? Version, string Credit, int? Year);

public sealed record CatalogPage(IReadOnlyList<CatalogEntryRow> Items, int TotalCount);

/// <summary>
/// Catalog search, paged in the database. A pasted identifier (ISRC, ISWC, UPC/EAN, any case, hyphens or
/// spaces) is looked up exactly; other text matches the start of the normalised title or artist key, as a
/// key range so that every provider answers from the key indexes (a LIKE would scan at a million rows).
/// </summary>
public static class CatalogSearch
{
    public static async Task<CatalogPage> SearchAsync(PortalDbContext db, CatalogQuery query, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var text = query.Text?.Trim();
        // Keys are stored without leading articles and version words, so the typed text is keyed the same way.
        var titlePrefix = KeyPrefix.Of(CatalogKeys.Title(text));
        var artistPrefix = KeyPrefix.Of(CatalogKeys.Artist(text));
        return query.Kind switch
        {
            CatalogKind.Compositions => await WithWritersAsync(db, await PageAsync(Compositions(db, text, titlePrefix), page, pageSize, cancellationToken), cancellationToken),
            CatalogKind.Releases => await PageAsync(Releases(db, text, titlePrefix, artistPrefix, query.Year), page, pageSize, cancellationToken),
            _ => await PageAsync(Recordings(db, text, titlePrefix, artistPrefix, query.Year), page, pageSize, cancellationToken),
        };
    }

    private static IQueryable<CatalogEntryRow> Recordings(PortalDbContext db, string? text, KeyPrefix? titlePrefix, KeyPrefix? artistPrefix, int? year)
    {
        var recordings = db.CatalogRecordings.AsNoTracking().Where(r => r.RemovedInVersionId == null);
        if (Isrc.TryParse(text, out var isrc))
        {
            recordings = recordings.Where(r => r.Isrc == isrc.Value);
        }
        else if (titlePrefix is not null || artistPrefix is not null)
        {
            var (t, a) = (titlePrefix ?? KeyPrefix.Nothing, artistPrefix ?? KeyPrefix.Nothing);
            recordings = recordings.Where(r =>
                (string.Compare(r.TitleKey, t.From) >= 0 && string.Compare(r.TitleKey, t.Before) < 0 && r.TitleKey.StartsWith(t.From))
                || (string.Compare(r.ArtistKey, a.From) >= 0 && string.Compare(r.ArtistKey, a.Before) < 0 && r.ArtistKey.StartsWith(a.From)));
        }

        if (year is { } y)
        {
            recordings = recordings.Where(r => r.ReleaseYear == y);
        }

        return recordings.OrderBy(r => r.TitleKey).ThenBy(r => r.Id)
            .Select(r => new CatalogEntryRow(r.Id, r.Isrc, r.Title, r.Version, r.Artist, r.ReleaseYear));
    }

    private static IQueryable<CatalogEntryRow> Compositions(PortalDbContext db, string? text, KeyPrefix? titlePrefix)
    {
        var compositions = db.CatalogCompositions.AsNoTracking().Where(c => c.RemovedInVersionId == null);
        if (Iswc.TryParse(text, out var iswc))
        {
            compositions = compositions.Where(c => c.Iswc == iswc.Value);
        }
        else if (titlePrefix is { } p)
        {
            compositions = compositions.Where(c =>
                string.Compare(c.TitleKey, p.From) >= 0 && string.Compare(c.TitleKey, p.Before) < 0 && c.TitleKey.StartsWith(p.From));
        }

        return compositions.OrderBy(c => c.TitleKey).ThenBy(c => c.Id)
            .Select(c => new CatalogEntryRow(c.Id, c.Iswc ?? "—", c.Title, null, string.Empty, null));
    }

    private static IQueryable<CatalogEntryRow> Releases(PortalDbContext db, string? text, KeyPrefix? titlePrefix, KeyPrefix? artistPrefix, int? year)
    {
        var releases = db.CatalogReleases.AsNoTracking().Where(r => r.RemovedInVersionId == null);
        if (Gtin.TryParse(text, out var gtin))
        {
            releases = releases.Where(r => r.Gtin == gtin.Value);
        }
        else if (titlePrefix is not null || artistPrefix is not null)
        {
            var (t, a) = (titlePrefix ?? KeyPrefix.Nothing, artistPrefix ?? KeyPrefix.Nothing);
            releases = releases.Where(r =>
                (string.Compare(r.TitleKey, t.From) >= 0 && string.Compare(r.TitleKey, t.Before) < 0 && r.TitleKey.StartsWith(t.From))
                || (string.Compare(r.ArtistKey, a.From) >= 0 && string.Compare(r.ArtistKey, a.Before) < 0 && r.ArtistKey.StartsWith(a.From)));
        }

        if (year is { } y)
        {
            releases = releases.Where(r => r.ReleaseYear == y);
        }

        return releases.OrderBy(r => r.TitleKey).ThenBy(r => r.Id)
            .Select(r => new CatalogEntryRow(r.Id, r.Gtin, r.Title, null, r.Artist, r.ReleaseYear));
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

    private static async Task<CatalogPage> PageAsync(IQueryable<CatalogEntryRow> rows, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new CatalogPage(items, total);
    }
}

/// <summary>
/// The keys that start with <see cref="From"/> are those in [From, Before): Before is From with its last
/// character raised by one. Ordinal order, as SQLite's default collation and the key columns compare.
/// </summary>
internal readonly record struct KeyPrefix(string From, string Before)
{
    /// <summary>An empty range, for a field the typed text has no key for ("The" has no title key).</summary>
    public static readonly KeyPrefix Nothing = new("\uffff", "\uffff");

    public static KeyPrefix? Of(string key)
    {
        for (var end = key.Length; end > 0; end--)
        {
            if (key[end - 1] < char.MaxValue)
            {
                return new KeyPrefix(key, key[..(end - 1)] + (char)(key[end - 1] + 1));
            }
        }

        return null;
    }
}
