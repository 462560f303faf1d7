using System.Text;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Core.Synthetic;

namespace DisclosurePortal.E2E.Infrastructure;

/// <summary>Work-list files built from the same synthetic catalog the demo portal seeds.</summary>
internal static class WorkListSamples
{
    private static readonly Lazy<IReadOnlyList<SyntheticRecording>> LazyCatalog =
        new(() => SyntheticCatalog.Generate(DemoAccounts.CatalogSize).ToList());

    public static IReadOnlyList<SyntheticRecording> Catalog => LazyCatalog.Value;

    /// <summary>
    /// The thin-path list: catalog rows 1–3 by ISRC (written three ways), one catalog recording by title and
    /// artist only with other case and punctuation, one work not in the catalog, and one row with neither a
    /// title nor an ISRC (line 7 of the file), which the portal must reject.
    /// </summary>
    public static ThinPathList ThinPath()
    {
        var byIsrc = Catalog.Take(3).ToList();
        var byName = Catalog.Skip(3).First(r => r.Title.Contains('(', StringComparison.Ordinal) && IsUniqueByName(r));
        var listedTitle = byName.Title.ToUpperInvariant().Replace("(", "– ", StringComparison.Ordinal).Replace(")", "!", StringComparison.Ordinal);
        var listedArtist = byName.Artist.ToLowerInvariant().Replace(' ', '.');
        var unknown = new Listed("Quiet Machine Lullaby (E2E test)", "Nobody In Particular", "ZZ-Q99-24-99999");

        var csv = new StringBuilder();
        Line(csv, "Track Title", "Main Artist", "ISRC Code", "Album");
        Line(csv, byIsrc[0].Title, byIsrc[0].Artist, byIsrc[0].Isrc.Value, "First Album");
        Line(csv, byIsrc[1].Title, byIsrc[1].Artist, byIsrc[1].Isrc.Formatted, "First Album");
        Line(csv, byIsrc[2].Title, byIsrc[2].Artist, $"isrc {byIsrc[2].Isrc.Value.ToLowerInvariant()}", string.Empty);
        Line(csv, listedTitle, listedArtist, string.Empty, "Second Album");
        Line(csv, unknown.Title, unknown.Artist, unknown.Isrc, string.Empty);
        Line(csv, string.Empty, "Somebody Without A Title", string.Empty, "Third Album");
        return new ThinPathList(
            Encoding.UTF8.GetBytes(csv.ToString()),
            byIsrc,
            byName,
            new Listed(listedTitle, listedArtist, null),
            unknown,
            RejectedLine: 7);
    }

    /// <summary>A small list of works none of which are in the catalog.</summary>
    public static byte[] NotInCatalog(params string[] titles)
    {
        var csv = new StringBuilder();
        Line(csv, "Title", "Artist");
        foreach (var title in titles)
        {
            Line(csv, title, "Nobody In Particular");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>
    /// A long list for watching the background jobs at work: <paramref name="rows"/> works, none in the catalog
    /// (so the reviewer's matches of other tests stay as they are), with an ISRC on every tenth.
    /// </summary>
    public static byte[] Large(int rows)
    {
        var csv = new StringBuilder();
        Line(csv, "Title", "Artist", "ISRC");
        for (var i = 0; i < rows; i++)
        {
            var isrc = i % 10 == 0 ? $"ZZQ99{i / 10 % 100:D2}{i / 10 % 100_000:D5}" : string.Empty;
            Line(csv, $"Long list work {i}", "Nobody In Particular", isrc);
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static bool IsUniqueByName(SyntheticRecording recording)
    {
        var key = (TextNormaliser.Key(recording.Title), TextNormaliser.Key(recording.Artist));
        return Catalog.Count(r => (TextNormaliser.Key(r.Title), TextNormaliser.Key(r.Artist)) == key) == 1;
    }

    private static void Line(StringBuilder csv, params string?[] cells) =>
        csv.Append(string.Join(',', cells.Select(Quote))).Append("\r\n");

    private static string Quote(string? cell) => cell is null ? string.Empty :
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}

internal sealed record Listed(string Title, string Artist, string? Isrc);

internal sealed record ThinPathList(
    byte[] Content,
    IReadOnlyList<SyntheticRecording> ByIsrc,
    SyntheticRecording ByName,
    Listed ByNameAsListed,
    Listed NotInCatalog,
    int RejectedLine);
