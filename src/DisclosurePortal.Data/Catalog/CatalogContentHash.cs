using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DisclosurePortal.Core.Catalog;

namespace DisclosurePortal.Data.Catalog;

/// <summary>A fingerprint of what a row says, so a re-import can tell unchanged rows without comparing column by column.</summary>
internal static class CatalogContentHash
{
    public static string Of(CatalogItem item) => Hash(item switch
    {
        CatalogRecordingRow r =>
        [
            r.SourceId, r.Isrc.Value, r.Title, r.Version, r.Artist, string.Join("; ", r.FeaturedArtists), Number(r.DurationSeconds),
            Number(r.Year), r.Label, r.CompositionSourceId, r.ReleaseSourceId, Number(r.TrackNumber), Number(r.DiscNumber),
        ],
        CatalogCompositionRow c =>
        [
            c.SourceId, c.Iswc?.Value, c.Title, c.LyricFirstLine,
            string.Join("; ", c.Writers.Select(w => $"{w.Name}|{w.IpiNameNumber?.Value}|{w.Role}")),
        ],
        CatalogReleaseRow r =>
        [
            r.SourceId, r.Gtin.Value, r.Title, r.Artist, r.ReleaseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Number(r.Year), r.Label, r.ArtworkReference,
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    });

    private static string Hash(string?[] fields)
    {
        // Unit separator between fields so "a"+"bc" and "ab"+"c" differ; a marker tells null from empty.
        var text = string.Join('\u001F', fields.Select(f => f ?? "\u0000"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
