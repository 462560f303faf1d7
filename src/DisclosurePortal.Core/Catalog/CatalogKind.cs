namespace DisclosurePortal.Core.Catalog;

/// <summary>Which part of the catalog a file holds.</summary>
public enum CatalogKind
{
    Recordings,
    Compositions,
    Releases,
}
