using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Catalog;

/// <summary>Adds or updates one batch of rows, looking the batch's identifiers up in one query; counts into the version.</summary>
internal sealed class CatalogBatchUpsert(PortalDbContext db, CatalogVersion version)
{
    public Task ApplyAsync(IReadOnlyList<CatalogItem> batch, CancellationToken cancellationToken) => batch[0] switch
    {
        CatalogRecordingRow => RecordingsAsync(batch.Cast<CatalogRecordingRow>().ToList(), cancellationToken),
        CatalogCompositionRow => CompositionsAsync(batch.Cast<CatalogCompositionRow>().ToList(), cancellationToken),
        _ => ReleasesAsync(batch.Cast<CatalogReleaseRow>().ToList(), cancellationToken),
    };

    private async Task RecordingsAsync(List<CatalogRecordingRow> rows, CancellationToken cancellationToken)
    {
        var isrcs = rows.Select(r => r.Isrc.Value).ToList();
        var existing = await db.CatalogRecordings.Where(r => isrcs.Contains(r.Isrc)).ToDictionaryAsync(r => r.Isrc, StringComparer.Ordinal, cancellationToken);
        foreach (var row in rows)
        {
            var hash = CatalogContentHash.Of(row);
            if (!existing.TryGetValue(row.Isrc.Value, out var recording))
            {
                recording = new CatalogRecording { Isrc = row.Isrc.Value };
                db.CatalogRecordings.Add(recording);
                version.Added++;
            }
            else if (recording.ContentHash == hash)
            {
                version.Unchanged++;
                continue;
            }
            else
            {
                version.Changed++;
            }

            if (recording.CompositionSourceId != row.CompositionSourceId)
            {
                recording.CompositionId = null; // relinked after the import
            }

            recording.Title = row.Title;
            recording.Version = row.Version;
            recording.Artist = row.Artist;
            recording.FeaturedArtists = row.FeaturedArtists.Count == 0 ? null : string.Join("; ", row.FeaturedArtists);
            recording.Label = row.Label;
            recording.TitleKey = CatalogKeys.Title(row.Title);
            recording.ArtistKey = CatalogKeys.Artist(row.Artist);
            recording.DurationSeconds = row.DurationSeconds;
            recording.ReleaseYear = row.Year;
            recording.SourceId = row.SourceId;
            recording.CompositionSourceId = row.CompositionSourceId;
            recording.ReleaseSourceId = row.ReleaseSourceId;
            recording.ReleaseTrackNumber = row.TrackNumber;
            recording.ReleaseDiscNumber = row.DiscNumber;
            recording.ContentHash = hash;
            recording.CatalogVersionId = version.Id;
            recording.IsDemo = false;
        }
    }

    private async Task CompositionsAsync(List<CatalogCompositionRow> rows, CancellationToken cancellationToken)
    {
        var iswcs = rows.Where(r => r.Iswc is not null).Select(r => r.Iswc!.Value.Value).ToList();
        var sourceIds = rows.Where(r => r.SourceId is not null).Select(r => r.SourceId!).ToList();
        var found = await db.CatalogCompositions.Include(c => c.Writers)
            .Where(c => (c.Iswc != null && iswcs.Contains(c.Iswc)) || (c.Iswc == null && c.SourceId != null && sourceIds.Contains(c.SourceId)))
            .ToListAsync(cancellationToken);
        var byIswc = found.Where(c => c.Iswc is not null).ToDictionary(c => c.Iswc!, StringComparer.Ordinal);

        // A work stored without an ISWC is the same work when a later file gives its id with an ISWC.
        var withoutIswc = found.Where(c => c.Iswc is null).GroupBy(c => c.SourceId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        CatalogComposition? Existing(CatalogCompositionRow row) =>
            row.Iswc is { } iswc && byIswc.TryGetValue(iswc.Value, out var byCode) ? byCode
            : row.SourceId is { } id && withoutIswc.Remove(id, out var byId) ? byId
            : null;

        foreach (var row in rows)
        {
            var hash = CatalogContentHash.Of(row);
            var composition = Existing(row);
            if (composition is null)
            {
                composition = new CatalogComposition();
                db.CatalogCompositions.Add(composition);
                version.Added++;
            }
            else if (composition.ContentHash == hash)
            {
                version.Unchanged++;
                continue;
            }
            else
            {
                version.Changed++;
                composition.Writers.Clear(); // the file's writer list replaces the stored one
            }

            composition.Iswc = row.Iswc?.Value;
            composition.Title = row.Title;
            composition.TitleKey = CatalogKeys.Title(row.Title);
            composition.LyricFirstLine = row.LyricFirstLine;
            composition.SourceId = row.SourceId;
            composition.ContentHash = hash;
            composition.CatalogVersionId = version.Id;
            composition.Writers.AddRange(row.Writers.Select(w => new CompositionWriter { Name = w.Name, IpiNameNumber = w.IpiNameNumber?.Value, Role = w.Role }));
        }
    }

    private async Task ReleasesAsync(List<CatalogReleaseRow> rows, CancellationToken cancellationToken)
    {
        var gtins = rows.Select(r => r.Gtin.Value).ToList();
        var existing = await db.CatalogReleases.Where(r => gtins.Contains(r.Gtin)).ToDictionaryAsync(r => r.Gtin, StringComparer.Ordinal, cancellationToken);
        foreach (var row in rows)
        {
            var hash = CatalogContentHash.Of(row);
            if (!existing.TryGetValue(row.Gtin.Value, out var release))
            {
                release = new CatalogRelease { Gtin = row.Gtin.Value };
                db.CatalogReleases.Add(release);
                version.Added++;
            }
            else if (release.ContentHash == hash)
            {
                version.Unchanged++;
                continue;
            }
            else
            {
                version.Changed++;
            }

            release.Title = row.Title;
            release.Artist = row.Artist;
            release.TitleKey = CatalogKeys.Title(row.Title);
            release.ArtistKey = CatalogKeys.Artist(row.Artist);
            release.Label = row.Label;
            release.ReleaseDate = row.ReleaseDate;
            release.ReleaseYear = row.Year;
            release.ArtworkReference = row.ArtworkReference;
            release.SourceId = row.SourceId;
            release.ContentHash = hash;
            release.CatalogVersionId = version.Id;
        }
    }
}
