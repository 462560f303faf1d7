using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Matching;

namespace DisclosurePortal.Core.Reconciliation;

/// <summary>
/// A catalog read from its files (recordings, and optionally compositions and releases, through
/// <see cref="CatalogFileReader"/>) into a <see cref="CatalogIndex"/>. Entries are numbered in file order; the
/// catalog's own ids (the file's id column, else its ISRC, ISWC or UPC/EAN) are kept to name them in results.
/// </summary>
public sealed class CatalogFiles
{
    private readonly Dictionary<CatalogKind, List<string>> names;

    private CatalogFiles(CatalogIndex index, Dictionary<CatalogKind, List<string>> names, int rejected)
    {
        Index = index;
        this.names = names;
        Rejected = rejected;
    }

    public CatalogIndex Index { get; }

    /// <summary>Catalog rows the reader refused (bad identifier, missing title…); they are not matched.</summary>
    public int Rejected { get; }

    /// <summary>The catalog's own id of the entry a candidate names.</summary>
    public string NameOf(CatalogKind kind, long id) => names[kind][(int)id];

    public static CatalogFiles Load(string recordingsFile, string? compositionsFile = null, string? releasesFile = null, MatchOptions? options = null)
    {
        var names = new Dictionary<CatalogKind, List<string>> { [CatalogKind.Recordings] = [], [CatalogKind.Compositions] = [], [CatalogKind.Releases] = [] };
        var rejected = 0;
        var compositionIds = new Dictionary<string, long>(StringComparer.Ordinal);
        var releaseIds = new Dictionary<string, long>(StringComparer.Ordinal);

        var compositions = Rows<CatalogCompositionRow>(compositionsFile, CatalogKind.Compositions, () => rejected++)
            .Select(c =>
            {
                var id = Name(names, CatalogKind.Compositions, c.SourceId ?? c.Iswc?.Formatted ?? c.Key);
                compositionIds.TryAdd(c.SourceId ?? c.Key, id);
                return new CompositionEntry(id, c.Iswc?.Value, c.Title, c.Writers.Select(w => w.Name).ToList());
            });
        var releases = Rows<CatalogReleaseRow>(releasesFile, CatalogKind.Releases, () => rejected++)
            .Select(r =>
            {
                var id = Name(names, CatalogKind.Releases, r.SourceId ?? r.Gtin.Formatted);
                releaseIds.TryAdd(r.SourceId ?? r.Gtin.Value, id);
                return new ReleaseEntry(id, r.Gtin.Value, r.Title, r.Artist, r.Year);
            });
        var recordings = Rows<CatalogRecordingRow>(recordingsFile, CatalogKind.Recordings, () => rejected++)
            .Select(r => new RecordingEntry(
                Name(names, CatalogKind.Recordings, r.SourceId ?? r.Isrc.Value), r.Isrc.Value, r.Title, r.Version, r.Artist, r.FeaturedArtists,
                null, r.DurationSeconds, r.Year,
                r.CompositionSourceId is { } c && compositionIds.TryGetValue(c, out var cid) ? cid : null,
                r.ReleaseSourceId is { } rel && releaseIds.TryGetValue(rel, out var rid) ? rid : null));

        var index = CatalogIndex.Build(recordings, compositions, releases, options);
        foreach (var list in names.Values)
        {
            list.TrimExcess();
        }

        return new CatalogFiles(index, names, rejected);
    }

    private static long Name(Dictionary<CatalogKind, List<string>> names, CatalogKind kind, string name)
    {
        var list = names[kind];
        list.Add(name);
        return list.Count - 1;
    }

    private static IEnumerable<T> Rows<T>(string? file, CatalogKind kind, Action onRejected)
        where T : CatalogItem
    {
        if (file is null)
        {
            yield break;
        }

        using var stream = File.OpenRead(file);
        foreach (var row in CatalogFileReader.Read(stream, kind))
        {
            if (row.Item is T item)
            {
                yield return item;
            }
            else
            {
                onRejected();
            }
        }
    }
}
