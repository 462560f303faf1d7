using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Data;

/// <summary>Brings a database up to date at start-up: migrations when configured, then the fixed roles.</summary>
public sealed class PortalDatabaseInitializer(
    PortalDbContext db,
    RoleManager<IdentityRole> roles,
    IOptions<DatabaseOptions> options,
    IOptions<StorageOptions> storage,
    ILogger<PortalDatabaseInitializer> logger)
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

        await FillCompanyKeysAsync(cancellationToken);
    }

    /// <summary>
    /// Companies from before the name key existed get it here (the key is computed in code, not SQL). One whose key
    /// another company already has keeps none and is logged, so an admin can merge or rename the two.
    /// </summary>
    private async Task FillCompanyKeysAsync(CancellationToken cancellationToken)
    {
        var keyless = await db.Companies.Where(c => c.NormalizedName == null).ToListAsync(cancellationToken);
        if (keyless.Count == 0)
        {
            return;
        }

        var taken = (await db.Companies.Where(c => c.NormalizedName != null).Select(c => c.NormalizedName!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var company in keyless)
        {
            company.Name = company.Name;
            if (!taken.Add(company.NormalizedName!))
            {
                db.Entry(company).Property(c => c.NormalizedName).CurrentValue = null;
                logger.LogWarning("Company {CompanyId} has the same name as another company once case, accents and legal form are ignored; rename or merge one of them", company.Id);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
