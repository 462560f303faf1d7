using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace DisclosurePortal.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build the model for SqlServer without starting the portal.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(PortalDatabase.Options(DatabaseProvider.SqlServer, "Server=localhost;Database=DisclosurePortal;Trusted_Connection=True;TrustServerCertificate=True"), CompanyScope.Staff());
}
