using System.Linq.Expressions;

namespace DisclosurePortal.Data.Entities;

/// <summary>Where a company stands with one request, as the admin's and reviewers' lists show it.</summary>
public enum CompanyStatus
{
    NotInvited = 0,
    Invited = 1,
    Opened = 2,
    InProgress = 3,
    ExtensionGranted = 4,
    Overdue = 5,
    ExtensionRequested = 6,
    Submitted = 7,
}

/// <summary>
/// The one definition of <see cref="CompanyStatus"/>: an expression, so the database computes it to filter and
/// count (a CASE in SQL) and code can compile it for a row in memory. A pending extension request shows before
/// overdue, so a company that asked for more time is seen waiting for an admin's answer, not only late.
/// </summary>
public static class CompanyStatusRules
{
    /// <summary>The status of a response at <paramref name="now"/>; the expression reads the response's request.</summary>
    public static Expression<Func<DisclosureResponse, CompanyStatus>> Of(DateTimeOffset now) =>
        r => r.Status == ResponseStatus.Submitted ? CompanyStatus.Submitted
            : r.ExtensionStatus == ExtensionStatus.Requested ? CompanyStatus.ExtensionRequested
            : (r.ExtendedDeadline ?? r.Request!.Deadline) <= now ? CompanyStatus.Overdue
            : r.ExtendedDeadline != null ? CompanyStatus.ExtensionGranted
            : r.Status == ResponseStatus.InProgress ? CompanyStatus.InProgress
            : r.OpenedAt != null ? CompanyStatus.Opened
            : r.InvitedAt != null ? CompanyStatus.Invited
            : CompanyStatus.NotInvited;
}
