using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace DisclosurePortal.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for Sqlite without starting the portal.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(PortalDatabase.Options(DatabaseProvider.Sqlite, "Data Source=design-time.db"), CompanyScope.Staff());
}
