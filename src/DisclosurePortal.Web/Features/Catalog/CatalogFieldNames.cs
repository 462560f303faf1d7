using DisclosurePortal.Core.Catalog;

namespace DisclosurePortal.Web.Features.Catalog;

/// <summary>How catalog fields are named to the people who map a file's columns to them.</summary>
public static class CatalogFieldNames
{
    public static string Of(CatalogField field, CatalogKind kind) => field switch
    {
        CatalogField.SourceId => kind switch
        {
            CatalogKind.Compositions => "Your composition id",
            CatalogKind.Releases => "Your release id",
            _ => "Your recording id",
        },
        CatalogField.Isrc => "ISRC",
        CatalogField.Iswc => "ISWC",
        CatalogField.Gtin => "UPC / EAN",
        CatalogField.Title => "Title",
        CatalogField.Version => "Version / subtitle",
        CatalogField.Artist => "Main artist",
        CatalogField.FeaturedArtists => "Featured artists",
        CatalogField.DurationSeconds => "Duration",
        CatalogField.Year => "Year",
        CatalogField.ReleaseDate => "Release date",
        CatalogField.Label => "Label",
        CatalogField.CompositionSourceId => "Composition id (link)",
        CatalogField.ReleaseSourceId => "Release id (link)",
        CatalogField.Writers => "Writers",
        CatalogField.WriterIpiNameNumbers => "Writers' IPI name numbers",
        CatalogField.WriterRoles => "Writers' roles",
        CatalogField.LyricFirstLine => "First line of the lyric",
        CatalogField.ArtworkReference => "Artwork",
        CatalogField.TrackNumber => "Track number",
        CatalogField.DiscNumber => "Disc number",
        _ => field.ToString(),
    };
}
