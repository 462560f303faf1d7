using System.Globalization;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Identifiers;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Catalog;

/// <summary>A related entry: the composition a recording embodies, the releases that contain it, and so on.</summary>
public sealed record CatalogLink(string Relation, CatalogKind Kind, long Id, string Identifier, string Title);

/// <summary>One catalog entry with its facts in display order and its links to other entries.</summary>
public sealed record CatalogEntryDetail(string KindLabel, string Title, IReadOnlyList<KeyValuePair<string, string>> Facts, IReadOnlyList<CatalogLink> Links);

/// <summary>The detail page's read side: one entry of any kind, with the entries it is linked to.</summary>
public sealed class CatalogEntryService(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session)
{
    public async Task<CatalogEntryDetail?> GetAsync(CatalogKind kind, long id)
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        return kind switch
        {
            CatalogKind.Compositions => await CompositionAsync(db, id),
            CatalogKind.Releases => await ReleaseAsync(db, id),
            _ => await RecordingAsync(db, id),
        };
    }

    private static async Task<CatalogEntryDetail?> RecordingAsync(PortalDbContext db, long id)
    {
        var r = await db.CatalogRecordings.AsNoTracking().Include(x => x.Composition).SingleOrDefaultAsync(x => x.Id == id);
        if (r is null)
        {
            return null;
        }

        var links = new List<CatalogLink>();
        if (r.Composition is { } c)
        {
            links.Add(new CatalogLink("Embodies the composition", CatalogKind.Compositions, c.Id, c.Iswc is null ? "—" : Iswc.Parse(c.Iswc).Formatted, c.Title));
        }

        var releases = await db.ReleaseTracks.AsNoTracking().Where(t => t.RecordingId == id)
            .Join(db.CatalogReleases, t => t.ReleaseId, rel => rel.Id, (t, rel) => new { rel.Id, rel.Gtin, rel.Title })
            .ToListAsync();
        links.AddRange(releases.Select(rel => new CatalogLink("Appears on the release", CatalogKind.Releases, rel.Id, rel.Gtin, rel.Title)));
        return new CatalogEntryDetail("Recording", r.Title, Facts(
            ("ISRC", Isrc.Parse(r.Isrc).Formatted),
            ("Version", r.Version),
            ("Artist", r.Artist),
            ("Featured", r.FeaturedArtists),
            ("Label", r.Label),
            ("Duration", r.DurationSeconds is { } s ? TimeSpan.FromSeconds(s).ToString(@"m\:ss", CultureInfo.InvariantCulture) : null),
            ("Year", r.ReleaseYear?.ToString(CultureInfo.InvariantCulture)),
            Removed(r.RemovedInVersionId)), links);
    }

    private static async Task<CatalogEntryDetail?> CompositionAsync(PortalDbContext db, long id)
    {
        var c = await db.CatalogCompositions.AsNoTracking().Include(x => x.Writers).SingleOrDefaultAsync(x => x.Id == id);
        if (c is null)
        {
            return null;
        }

        var recordings = await db.CatalogRecordings.AsNoTracking().Where(r => r.CompositionId == id).OrderBy(r => r.Id)
            .Select(r => new CatalogLink("Recorded as", CatalogKind.Recordings, r.Id, r.Isrc, r.Version == null ? r.Title : r.Title + " (" + r.Version + ")"))
            .ToListAsync();
        var writers = string.Join("; ", c.Writers.OrderBy(w => w.Id).Select(w => w.IpiNameNumber is null ? w.Name : $"{w.Name} (IPI {w.IpiNameNumber})"));
        return new CatalogEntryDetail("Composition", c.Title, Facts(
            ("ISWC", c.Iswc is null ? null : Iswc.Parse(c.Iswc).Formatted),
            ("Writers", writers),
            ("Lyrics begin", c.LyricFirstLine),
            Removed(c.RemovedInVersionId)), recordings);
    }

    private static async Task<CatalogEntryDetail?> ReleaseAsync(PortalDbContext db, long id)
    {
        var rel = await db.CatalogReleases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        if (rel is null)
        {
            return null;
        }

        var tracks = await db.ReleaseTracks.AsNoTracking().Where(t => t.ReleaseId == id)
            .OrderBy(t => t.DiscNumber).ThenBy(t => t.TrackNumber).ThenBy(t => t.RecordingId)
            .Select(t => new CatalogLink("Track", CatalogKind.Recordings, t.RecordingId, t.Recording!.Isrc, t.Recording.Title))
            .ToListAsync();
        return new CatalogEntryDetail("Release", rel.Title, Facts(
            ("UPC / EAN", rel.Gtin),
            ("Artist", rel.Artist),
            ("Label", rel.Label),
            ("Released", rel.ReleaseDate?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? rel.ReleaseYear?.ToString(CultureInfo.InvariantCulture)),
            ("Artwork", rel.ArtworkReference),
            Removed(rel.RemovedInVersionId)), tracks);
    }

    private static (string, string?) Removed(long? version) =>
        ("Removed", version is { } v ? $"No longer in the catalog since import #{v.ToString(CultureInfo.InvariantCulture)}; kept for the record" : null);

    // Facts without a value are left out rather than shown empty.
    private static List<KeyValuePair<string, string>> Facts(params (string Label, string? Value)[] facts) =>
        facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => KeyValuePair.Create(f.Label, f.Value!)).ToList();
}
