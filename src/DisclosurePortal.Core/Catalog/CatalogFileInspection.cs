using CsvHelper;
using DisclosurePortal.Core.Tables;

namespace DisclosurePortal.Core.Catalog;

/// <summary>TEMPORARY until the workbook-aware reader lands: what a file holds, for the admin to confirm its columns.</summary>
public sealed record CatalogFileInspection(
    string Format, IReadOnlyList<string> Headers, IReadOnlyDictionary<CatalogField, string> Suggested,
    IReadOnlyList<CatalogField> Missing, IReadOnlyList<IReadOnlyList<string>> Samples);

public static class CatalogFileInspector
{
    public static CatalogFileInspection Inspect(Stream stream, CatalogKind kind)
    {
        using var reader = new StreamReader(stream, leaveOpen: true);
        using var csv = new CsvReader(reader, DelimitedText.Configuration(() => { }));
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } headers)
        {
            throw new CatalogFileException("The file is empty.");
        }

        var mapping = CatalogColumns.Map(headers, kind);
        var samples = new List<IReadOnlyList<string>>();
        while (samples.Count < 5 && csv.Read())
        {
            samples.Add(Enumerable.Range(0, headers.Length).Select(i => csv.TryGetField<string>(i, out var v) ? v ?? "" : "").ToList());
        }

        return new CatalogFileInspection("CSV", headers, mapping.ToDictionary(m => m.Key, m => headers[m.Value]),
            CatalogColumns.Required(kind).Where(f => !mapping.ContainsKey(f)).ToList(), samples);
    }
}
