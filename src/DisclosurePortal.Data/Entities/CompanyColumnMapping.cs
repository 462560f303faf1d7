namespace DisclosurePortal.Data.Entities;

/// <summary>A column mapping a company confirmed for a header, offered again for its next upload with the same header.</summary>
public class CompanyColumnMapping : ICompanyOwned
{
    public int Id { get; set; }

    public int CompanyId { get; set; }

    /// <summary>Core's WorkListColumns.HeaderKey of the header the mapping was confirmed for.</summary>
    public string HeaderKey { get; set; } = string.Empty;

    /// <summary>Field → column index, as JSON (the same form as <see cref="WorkListUpload.ColumnMapping"/>).</summary>
    public string Mapping { get; set; } = string.Empty;

    public DateTimeOffset ConfirmedAt { get; set; }
}
