namespace DisclosurePortal.Data.Entities;

/// <summary>A record that belongs to one company; queries see it only within that company's scope.</summary>
public interface ICompanyOwned
{
    int CompanyId { get; }
}

/// <summary>
/// A record that belongs to one company or to none (the label's own): queries see a company's records only in
/// that company's scope, and records of no company only as staff.
/// </summary>
public interface IOptionallyCompanyOwned
{
    int? CompanyId { get; }
}
