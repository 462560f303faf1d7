using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;

namespace DisclosurePortal.IntegrationTests.Tenancy;

/// <summary>
/// The company query filters are the portal's main wall between tenants: every company-owned entity must
/// have one, and no code may switch them off except where this allow-list says why.
/// </summary>
public class QueryFilterGuardTests
{
    // Path (from the repository root) → why that file may bypass the company filters.
    private static readonly Dictionary<string, string> BypassAllowList = new(StringComparer.Ordinal)
    {
        ["src/DisclosurePortal.Web/Features/Invitations/InvitationAcceptance.cs"] =
            "the invitee is not signed in yet, so no company scope can be open: one invitation is found by its secret token's hash",
    };

    [Fact]
    public void Every_company_owned_entity_has_a_query_filter()
    {
        using var db = new PortalDbContext(PortalDatabase.Options(DatabaseProvider.Sqlite, "Data Source=:memory:"), new CompanyScope());
        // Records of one company, and records that may be of one (background jobs).
        var owned = db.Model.GetEntityTypes()
            .Where(t => typeof(ICompanyOwned).IsAssignableFrom(t.ClrType) || typeof(IOptionallyCompanyOwned).IsAssignableFrom(t.ClrType))
            .ToList();

        Assert.Contains(owned, t => t.ClrType == typeof(BackgroundJob));
        Assert.All(owned, t => Assert.True(t.GetDeclaredQueryFilters().Count > 0, $"{t.ClrType.Name} is company-owned but has no query filter"));
    }

    [Fact]
    public void No_code_bypasses_the_query_filters_outside_the_allow_list()
    {
        var root = RepositoryRoot();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("IgnoreQueryFilters", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !BypassAllowList.ContainsKey(f))
            .ToList();

        Assert.True(offenders.Count == 0, $"IgnoreQueryFilters outside the allow-list in: {string.Join(", ", offenders)}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DisclosurePortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DisclosurePortal.sln not found above the test output folder.");
    }
}
