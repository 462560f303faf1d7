namespace DisclosurePortal.Data.Entities;

/// <summary>A record that belongs to one company; queries see it only within that company's scope.</summary>
public interface ICompanyOwned
{
    int CompanyId { get; }
}
