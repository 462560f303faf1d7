using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Data;

/// <summary>The provider's migrations build the whole schema on an empty database, and start-up ensures the roles once.</summary>
public abstract class MigrationTests(DatabaseFixture database)
{
    [SkippableFact]
    public async Task Migrations_apply_to_an_empty_database_and_roles_are_ensured_once()
    {
        database.RequireAvailable();
        List<string> migrations;
        await using (var db = database.CreateContext())
        {
            migrations = db.Database.GetMigrations().ToList();
            Assert.Contains(migrations, m => m.EndsWith("_Initial", StringComparison.Ordinal));
            Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(migrations, await db.Database.GetPendingMigrationsAsync());
        }

        await database.EnsureInitializedAsync();

        await using (var db = database.CreateContext())
        {
            Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());

            // Every table the model maps exists and is empty.
            Assert.Equal(0, await db.Companies.CountAsync());
            Assert.Equal(0, await db.Requests.CountAsync());
            Assert.Equal(0, await db.Responses.CountAsync());
            Assert.Equal(0, await db.CatalogRecordings.CountAsync());
            Assert.Equal(0, await db.WorkListUploads.CountAsync());
            Assert.Equal(0, await db.WorkListEntries.CountAsync());
            Assert.Equal(0, await db.MatchCandidates.CountAsync());
            Assert.Equal(0, await db.Users.CountAsync());
            Assert.Equal(PortalRoles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
        }

        // Starting again (as every portal start does) neither re-migrates nor duplicates the roles.
        await using (var scope = database.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff();
            await scope.ServiceProvider.GetRequiredService<PortalDatabaseInitializer>().InitializeAsync(forceMigrate: true);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(PortalRoles.All.Count, await db.Roles.CountAsync());
            Assert.All(await db.Roles.ToListAsync(), r => Assert.Equal(r.Name!.ToUpperInvariant(), r.NormalizedName));
        }
    }

}

public sealed class MigrationTestsOnSqlite(SqliteDatabaseFixture database) : MigrationTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class MigrationTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : MigrationTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
