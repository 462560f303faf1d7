using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Catalog;

/// <summary>A validated row with what can be worked out before the database is asked: its fingerprint and keys.</summary>
internal sealed record PreparedItem(CatalogItem Item, string Hash, string TitleKey, string ArtistKey)
{
    public static PreparedItem Of(CatalogItem item) => item switch
    {
        CatalogRecordingRow r => new(item, CatalogContentHash.Of(item), CatalogKeys.Title(r.Title), CatalogKeys.Artist(r.Artist)),
        CatalogReleaseRow r => new(item, CatalogContentHash.Of(item), CatalogKeys.Title(r.Title), CatalogKeys.Artist(r.Artist)),
        CatalogCompositionRow c => new(item, CatalogContentHash.Of(item), CatalogKeys.Title(c.Title), string.Empty),
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };
}

/// <summary>
/// Adds or updates batches of rows, looking each batch's identifiers up in one query, and counts into the
/// version. New recordings and releases go in through <see cref="BatchInsert{TEntity}"/>; changed ones are
/// updated through EF. In a complete import, unchanged entries are marked seen so the rest can be marked removed.
/// </summary>
internal sealed class CatalogBatchUpsert(PortalDbContext db, CatalogVersion version, bool complete, bool catalogWasEmpty) : IAsyncDisposable
{
    private readonly BatchInsert<CatalogRecording> recordingInsert = new(db);
    private readonly BatchInsert<CatalogRelease> releaseInsert = new(db);

    private sealed record Stored(long Id, string Key, string? Hash, bool Removed);

    public static async Task<bool> IsEmptyAsync(PortalDbContext db, CatalogKind kind, CancellationToken cancellationToken) => kind switch
    {
        CatalogKind.Compositions => !await db.CatalogCompositions.AnyAsync(cancellationToken),
        CatalogKind.Releases => !await db.CatalogReleases.AnyAsync(cancellationToken),
        _ => !await db.CatalogRecordings.AnyAsync(cancellationToken),
    };

    public async Task ApplyAsync(IReadOnlyList<PreparedItem> batch, CancellationToken cancellationToken)
    {
        switch (batch[0].Item)
        {
            case CatalogRecordingRow:
                await RecordingsAsync(batch, cancellationToken);
                break;
            case CatalogReleaseRow:
                await ReleasesAsync(batch, cancellationToken);
                break;
            default:
                await CompositionsAsync(batch, cancellationToken);
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>In a complete import: marks every entry of the kind that this import neither wrote nor saw as removed.</summary>
    public async Task<int> MarkRemovedAsync(CatalogKind kind, CancellationToken cancellationToken)
    {
        var v = version.Id;
        return kind switch
        {
            CatalogKind.Compositions => await db.CatalogCompositions
                .Where(c => c.RemovedInVersionId == null && c.CatalogVersionId != v && c.SeenInVersionId != v)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.RemovedInVersionId, v), cancellationToken),
            CatalogKind.Releases => await db.CatalogReleases
                .Where(r => r.RemovedInVersionId == null && r.CatalogVersionId != v && r.SeenInVersionId != v)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.RemovedInVersionId, v), cancellationToken),
            _ => await db.CatalogRecordings
                .Where(r => r.RemovedInVersionId == null && r.CatalogVersionId != v && r.SeenInVersionId != v)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.RemovedInVersionId, v), cancellationToken),
        };
    }

    private async Task RecordingsAsync(IReadOnlyList<PreparedItem> batch, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, Stored>(StringComparer.Ordinal);
        if (!catalogWasEmpty)
        {
            var isrcs = batch.Select(p => p.Item.Key).ToList();
            stored = await db.CatalogRecordings.AsNoTracking().Where(r => isrcs.Contains(r.Isrc))
                .Select(r => new Stored(r.Id, r.Isrc, r.ContentHash, r.RemovedInVersionId != null))
                .ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, cancellationToken);
        }

        var added = new List<CatalogRecording>(batch.Count);
        var seen = new List<long>();
        foreach (var prepared in batch)
        {
            var recording = Recording((CatalogRecordingRow)prepared.Item, prepared);
            Sort(stored.GetValueOrDefault(prepared.Item.Key), prepared.Hash, seen, () => added.Add(recording), id =>
            {
                recording.Id = id;
                db.CatalogRecordings.Update(recording); // every column written; the composition link is remade by the linker
            });
        }

        await recordingInsert.InsertAsync(added, cancellationToken);
        if (seen.Count > 0)
        {
            await db.CatalogRecordings.Where(r => seen.Contains(r.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.SeenInVersionId, version.Id), cancellationToken);
        }
    }

    private async Task ReleasesAsync(IReadOnlyList<PreparedItem> batch, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, Stored>(StringComparer.Ordinal);
        if (!catalogWasEmpty)
        {
            var gtins = batch.Select(p => p.Item.Key).ToList();
            stored = await db.CatalogReleases.AsNoTracking().Where(r => gtins.Contains(r.Gtin))
                .Select(r => new Stored(r.Id, r.Gtin, r.ContentHash, r.RemovedInVersionId != null))
                .ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, cancellationToken);
        }

        var added = new List<CatalogRelease>(batch.Count);
        var seen = new List<long>();
        foreach (var prepared in batch)
        {
            var release = Release((CatalogReleaseRow)prepared.Item, prepared);
            Sort(stored.GetValueOrDefault(prepared.Item.Key), prepared.Hash, seen, () => added.Add(release), id =>
            {
                release.Id = id;
                db.CatalogReleases.Update(release);
            });
        }

        await releaseInsert.InsertAsync(added, cancellationToken);
        if (seen.Count > 0)
        {
            await db.CatalogReleases.Where(r => seen.Contains(r.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.SeenInVersionId, version.Id), cancellationToken);
        }
    }

    /// <summary>New, unchanged (seen) or changed; a removed entry listed again counts as changed and comes back.</summary>
    private void Sort(Stored? stored, string hash, List<long> seen, Action add, Action<long> change)
    {
        if (stored is null)
        {
            version.Added++;
            add();
        }
        else if (stored.Hash == hash && !stored.Removed)
        {
            version.Unchanged++;
            if (complete)
            {
                seen.Add(stored.Id);
            }
        }
        else
        {
            version.Changed++;
            change(stored.Id);
        }
    }

    private CatalogRecording Recording(CatalogRecordingRow row, PreparedItem prepared) => new()
    {
        Isrc = row.Isrc.Value,
        Title = row.Title,
        Version = row.Version,
        Artist = row.Artist,
        FeaturedArtists = row.FeaturedArtists.Count == 0 ? null : string.Join("; ", row.FeaturedArtists),
        Label = row.Label,
        TitleKey = prepared.TitleKey,
        ArtistKey = prepared.ArtistKey,
        DurationSeconds = row.DurationSeconds,
        ReleaseYear = row.Year,
        SourceId = row.SourceId,
        CompositionSourceId = row.CompositionSourceId,
        ReleaseSourceId = row.ReleaseSourceId,
        ReleaseTrackNumber = row.TrackNumber,
        ReleaseDiscNumber = row.DiscNumber,
        ContentHash = prepared.Hash,
        CatalogVersionId = version.Id,
    };

    private CatalogRelease Release(CatalogReleaseRow row, PreparedItem prepared) => new()
    {
        Gtin = row.Gtin.Value,
        Title = row.Title,
        Artist = row.Artist,
        TitleKey = prepared.TitleKey,
        ArtistKey = prepared.ArtistKey,
        Label = row.Label,
        ReleaseDate = row.ReleaseDate,
        ReleaseYear = row.Year,
        ArtworkReference = row.ArtworkReference,
        SourceId = row.SourceId,
        ContentHash = prepared.Hash,
        CatalogVersionId = version.Id,
    };

    // Compositions carry their writers, whose rows need the composition's id, so they go through EF.
    private async Task CompositionsAsync(IReadOnlyList<PreparedItem> batch, CancellationToken cancellationToken)
    {
        var rows = batch.Select(p => (CatalogCompositionRow)p.Item).ToList();
        var iswcs = rows.Where(r => r.Iswc is not null).Select(r => r.Iswc!.Value.Value).ToList();
        var sourceIds = rows.Where(r => r.SourceId is not null).Select(r => r.SourceId!).ToList();
        var found = catalogWasEmpty ? [] : await db.CatalogCompositions.Include(c => c.Writers)
            .Where(c => (c.Iswc != null && iswcs.Contains(c.Iswc)) || (c.Iswc == null && c.SourceId != null && sourceIds.Contains(c.SourceId)))
            .ToListAsync(cancellationToken);
        var byIswc = found.Where(c => c.Iswc is not null).ToDictionary(c => c.Iswc!, StringComparer.Ordinal);

        // A work stored without an ISWC is the same work when a later file gives its id with an ISWC.
        var withoutIswc = found.Where(c => c.Iswc is null).GroupBy(c => c.SourceId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        CatalogComposition? Existing(CatalogCompositionRow row) =>
            row.Iswc is { } iswc && byIswc.TryGetValue(iswc.Value, out var byCode) ? byCode
            : row.SourceId is { } id && withoutIswc.Remove(id, out var byId) ? byId
            : null;

        foreach (var prepared in batch)
        {
            var row = (CatalogCompositionRow)prepared.Item;
            var composition = Existing(row);
            if (composition is null)
            {
                version.Added++;
                composition = new CatalogComposition();
                db.CatalogCompositions.Add(composition);
            }
            else if (composition.ContentHash == prepared.Hash && composition.RemovedInVersionId is null)
            {
                version.Unchanged++;
                composition.SeenInVersionId = complete ? version.Id : composition.SeenInVersionId;
                continue;
            }
            else
            {
                version.Changed++;
                composition.Writers.Clear(); // the file's writer list replaces the stored one
            }

            composition.Iswc = row.Iswc?.Value;
            composition.Title = row.Title;
            composition.TitleKey = prepared.TitleKey;
            composition.LyricFirstLine = row.LyricFirstLine;
            composition.SourceId = row.SourceId;
            composition.ContentHash = prepared.Hash;
            composition.CatalogVersionId = version.Id;
            composition.RemovedInVersionId = null;
            composition.Writers.AddRange(row.Writers.Select(w => new CompositionWriter { Name = w.Name, IpiNameNumber = w.IpiNameNumber?.Value, Role = w.Role }));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await recordingInsert.DisposeAsync();
        await releaseInsert.DisposeAsync();
    }
}
