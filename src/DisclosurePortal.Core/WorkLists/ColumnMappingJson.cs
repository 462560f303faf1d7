using System.Text.Json;

namespace DisclosurePortal.Core.WorkLists;

/// <summary>A field → column mapping as stored with an upload and remembered for a company: {"Title":0,"Isrc":2}.</summary>
public static class ColumnMappingJson
{
    public static string Write(IReadOnlyDictionary<WorkListField, int> mapping) =>
        JsonSerializer.Serialize(mapping.OrderBy(m => m.Key).ToDictionary(m => m.Key.ToString(), m => m.Value));

    /// <summary>The mapping, or null when the text is not one or names a column the header does not have.</summary>
    public static IReadOnlyDictionary<WorkListField, int>? Read(string? json, int columns)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            var raw = JsonSerializer.Deserialize<Dictionary<string, int>>(json);
            if (raw is null)
            {
                return null;
            }

            var mapping = new Dictionary<WorkListField, int>();
            foreach (var (name, index) in raw)
            {
                if (!Enum.TryParse<WorkListField>(name, out var field) || index < 0 || index >= columns)
                {
                    return null;
                }

                mapping[field] = index;
            }

            return mapping;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
