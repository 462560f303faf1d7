using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace DisclosurePortal.Migrations.PostgreSql;

/// <summary>Lets `dotnet ef` build the model for PostgreSql without starting the portal.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(PortalDatabase.Options(DatabaseProvider.PostgreSql, "Host=localhost;Database=disclosure_portal;Username=portal"), CompanyScope.Staff());
}
