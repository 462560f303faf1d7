using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Data;

/// <summary>Brings a database up to date at start-up: migrations when configured, then the fixed roles.</summary>
public sealed class PortalDatabaseInitializer(
    PortalDbContext db,
    RoleManager<IdentityRole> roles,
    IOptions<DatabaseOptions> options,
    IOptions<StorageOptions> storage)
{
    public async Task InitializeAsync(bool forceMigrate = false, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(storage.Value.DataDirectory);
        if (forceMigrate || options.Value.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets pages keep reading while a long catalog import writes; it persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
