namespace DisclosurePortal.Core.Catalog;

/// <summary>Column lengths shared by the file reader (which rejects longer cells) and the database model.</summary>
public static class CatalogLimits
{
    public const int Title = 1000;
    public const int Artist = 1000;
    public const int FeaturedArtists = 1000;
    public const int Version = 300;
    public const int Label = 300;
    public const int SourceId = 100;
    public const int LyricFirstLine = 1000;
    public const int WriterName = 300;
    public const int WriterRole = 50;
    public const int ArtworkReference = 1000;
    public const int FileName = 260;

    /// <summary>The longest line (or cell) a delimited catalog file may have: the same as any uploaded table.</summary>
    public const int LineLength = Tables.TableLimits.LineLength;
}
