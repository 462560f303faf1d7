using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>The one place that turns a provider and connection string into EF options.</summary>
public static class PortalDatabase
{
    public static string MigrationsAssembly(DatabaseProvider provider) => $"DisclosurePortal.Migrations.{provider}";

    public static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        var assembly = MigrationsAssembly(provider);
        return provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(assembly)),
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString, o => o.MigrationsAssembly(assembly)),
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(assembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
    }

    /// <summary>Options for tools and tests that build a context outside dependency injection.</summary>
    public static DbContextOptions<PortalDbContext> Options(DatabaseProvider provider, string connectionString) =>
        (DbContextOptions<PortalDbContext>)new DbContextOptionsBuilder<PortalDbContext>().UseProvider(provider, connectionString).Options;
}
