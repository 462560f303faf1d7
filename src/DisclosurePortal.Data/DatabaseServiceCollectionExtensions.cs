using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PortalDbContext"/> (and a factory for it) on the provider named by
    /// <c>Database:Provider</c>, with the connection string <c>ConnectionStrings:&lt;Provider&gt;</c>.
    /// A <c>{DataDirectory}</c> placeholder in the connection string is replaced by the storage folder.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .PostConfigure(o => o.DataDirectory = Path.GetFullPath(o.DataDirectory, contentRoot))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .Configure<IOptions<StorageOptions>>((o, storage) =>
            {
                var template = configuration.GetConnectionString(o.Provider.ToString()) ?? string.Empty;
                o.ConnectionString = template.Replace("{DataDirectory}", storage.Value.DataDirectory, StringComparison.Ordinal);
                o.MigrateOnStartup |= o.Provider == DatabaseProvider.Sqlite;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddScoped<CompanyScope>();
        services.AddDbContextFactory<PortalDbContext>(
            (sp, options) =>
            {
                var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                options.UseProvider(database.Provider, database.ConnectionString);
            },
            ServiceLifetime.Scoped);
        services.AddScoped<PortalDatabaseInitializer>();
        services.AddScoped<Catalog.CatalogImporter>();
        return services;
    }

    /// <summary>Identity's user and role stores on the portal database, shared by the web app and the CLI.</summary>
    public static IdentityBuilder AddPortalIdentityStores(this IdentityBuilder builder) =>
        builder.AddRoles<IdentityRole>().AddEntityFrameworkStores<PortalDbContext>();

    public static IEnumerable<string> AllRoles() => PortalRoles.All;
}
