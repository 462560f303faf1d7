namespace DisclosurePortal.Data;

/// <summary>
/// Whose data the current unit of work may see. Company-owned records are filtered by it in every query.
/// The default sees nothing: a scope must be opened for a company or explicitly for staff.
/// </summary>
public sealed class CompanyScope
{
    public int? CompanyId { get; private set; }

    public bool IsStaff { get; private set; }

    public void ForCompany(int companyId)
    {
        CompanyId = companyId;
        IsStaff = false;
    }

    /// <summary>Label staff, background jobs and the CLI see every company.</summary>
    public void ForStaff()
    {
        CompanyId = null;
        IsStaff = true;
    }

    public static CompanyScope Staff()
    {
        var scope = new CompanyScope();
        scope.ForStaff();
        return scope;
    }
}
