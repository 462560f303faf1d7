using DisclosurePortal.Data;
using DisclosurePortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Data;

/// <summary>A database made by an earlier release keeps its data through the migrations that came after it (each class has its own database).</summary>
public abstract class MigrationUpgradeTests(DatabaseFixture database)
{
    [SkippableFact]
    public async Task Upgrading_keeps_each_companys_contact_address_as_its_first_contact_and_gives_every_company_its_name_key()
    {
        database.RequireAvailable();
        await using (var db = database.CreateContext())
        {
            // The schema as the last release before companies had contacts left it, with companies in it.
            var before = db.Database.GetMigrations().Last(m => m.EndsWith("_Invitations", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(before);
            var created = database.Provider == DatabaseProvider.Sqlite
                ? (object)new DateTimeOffsetToBinaryConverter().ConvertToProvider(TestData.Now)!
                : TestData.Now;
            foreach (var (name, email) in new[] { ("Northwind AI Ltd", " Team@Northwind.example "), ("Tessellate", null), ("Northwind AI", "team@northwind.example") })
            {
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO \"Companies\" (\"Name\", \"ContactEmail\", \"IsDemo\", \"CreatedAt\") VALUES ({0}, NULLIF({1}, ''), {2}, {3})", name, email ?? string.Empty, false, created);
            }
        }

        await using (var scope = database.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff();
            await scope.ServiceProvider.GetRequiredService<PortalDatabaseInitializer>().InitializeAsync(forceMigrate: true);
        }

        await using (var db = database.CreateContext())
        {
            var companies = await db.Companies.Include(c => c.Contacts).OrderBy(c => c.Id).ToListAsync();
            Assert.Equal(["team@northwind.example"], companies[0].Contacts.Select(c => c.Email));
            Assert.Empty(companies[1].Contacts);
            Assert.Empty(companies[2].Contacts); // the address already belonged to the first company
            Assert.Equal("northwind ai", companies[0].NormalizedName);
            Assert.Equal("tessellate", companies[1].NormalizedName);
            Assert.Null(companies[2].NormalizedName); // the same name as the first once the legal form is dropped: left for an admin
        }
    }
}

public sealed class MigrationUpgradeTestsOnSqlite(SqliteDatabaseFixture database) : MigrationUpgradeTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class MigrationUpgradeTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : MigrationUpgradeTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
