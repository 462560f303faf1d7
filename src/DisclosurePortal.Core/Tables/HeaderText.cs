namespace DisclosurePortal.Core.Tables;

/// <summary>How a header cell is compared with the names a reader knows: lower case, letters and digits only.</summary>
public static class HeaderText
{
    public static string Compact(string header) =>
        string.Concat((header ?? string.Empty).Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
