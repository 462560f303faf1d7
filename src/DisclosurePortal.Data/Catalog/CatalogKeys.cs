using DisclosurePortal.Core.Matching;

namespace DisclosurePortal.Data.Catalog;

/// <summary>
/// The comparison keys stored with catalog entries, defined once for every way entries arrive (import, demo seed),
/// so reconciliation and search find them the same way.
/// </summary>
public static class CatalogKeys
{
    /// <summary>The title without version words such as "Remastered 2011", normalised.</summary>
    public static string Title(string? title) => TitleParser.Parse(title).BaseKey;

    public static string Artist(string? artist) => TextNormaliser.Key(artist);
}
