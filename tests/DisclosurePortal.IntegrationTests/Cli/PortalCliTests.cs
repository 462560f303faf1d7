using DisclosurePortal.Data.Demo;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.IntegrationTests.Cli;

/// <summary>The `portal` tool's migrate and seed-demo commands against a real database of each provider.</summary>
public abstract class PortalCliTests(DatabaseFixture database)
{
    [SkippableFact]
    public async Task Migrate_from_environment_then_seed_demo_from_options_creates_the_demo_users_once()
    {
        database.RequireAvailable();
        var storage = new Dictionary<string, string?> { ["Storage__DataDirectory"] = database.Storage.Path };

        // 1. migrate, configured only through environment variables.
        var migrate = await PortalCli.RunAsync(
            ["migrate"],
            new Dictionary<string, string?>(storage)
            {
                ["Database__Provider"] = database.Provider.ToString(),
                [$"ConnectionStrings__{database.Provider}"] = database.ConnectionString,
            });
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.Contains($"Database: {database.Provider}", migrate.Output, StringComparison.Ordinal);
        Assert.Contains($"Applied {MigrationCount()} migration(s)", migrate.Output, StringComparison.Ordinal);
        await using (var db = database.CreateContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(PortalRoles.All.Count, await db.Roles.CountAsync());
            Assert.Equal(0, await db.Users.CountAsync());
        }

        // 2. seed-demo, configured through --provider and --connection.
        string[] seedDemo = ["seed-demo", "--provider", database.Provider.ToString(), "--connection", database.ConnectionString];
        var seeded = await PortalCli.RunAsync(seedDemo, storage);
        Assert.True(seeded.ExitCode == 0, seeded.ToString());
        Assert.Contains("Seeded demo data", seeded.Output, StringComparison.Ordinal);
        Assert.All(DemoSeeder.Logins, login => Assert.Contains(login.Email, seeded.Output, StringComparison.Ordinal));
        Assert.Contains(DemoSeeder.Password, seeded.Output, StringComparison.Ordinal);

        await using (var db = database.CreateContext())
        {
            var users = await db.Users.Select(u => new { u.Id, u.Email, u.CompanyId }).ToListAsync();
            Assert.Equal(DemoSeeder.Logins.Select(l => l.Email).Order(), users.Select(u => u.Email!).Order());
            var roles = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                join user in db.Users on userRole.UserId equals user.Id
                select new { user.Email, role.Name }).ToListAsync();
            Assert.All(DemoSeeder.Logins, login => Assert.Contains(roles, r => r.Email == login.Email && r.Name == login.Role));
            Assert.Equal(DemoSeeder.Logins.Count, roles.Count);
            Assert.Equal(2, users.Count(u => u.CompanyId is not null));
            Assert.Equal(DemoSeeder.CatalogSize, await db.CatalogRecordings.CountAsync());
        }

        // 3. seed-demo again: nothing added, sign-ins still printed.
        var again = await PortalCli.RunAsync(seedDemo, storage);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("no demo data was added", again.Output, StringComparison.Ordinal);
        Assert.Contains(DemoSeeder.Logins[0].Email, again.Output, StringComparison.Ordinal);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(DemoSeeder.Logins.Count, await db.Users.CountAsync());
            Assert.Equal(DemoSeeder.CatalogSize, await db.CatalogRecordings.CountAsync());
            Assert.Equal(1, await db.Requests.CountAsync());
        }
    }

    private int MigrationCount()
    {
        using var db = database.CreateContext();
        return db.Database.GetMigrations().Count();
    }
}

public sealed class PortalCliTestsOnSqlite(SqliteDatabaseFixture database) : PortalCliTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class PortalCliTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : PortalCliTests(database), IClassFixture<PostgreSqlDatabaseFixture>;

/// <summary>The tool's answers that need no database.</summary>
public sealed class PortalCliUsageTests
{
    [Fact]
    public async Task A_missing_connection_string_is_reported_in_one_line_with_a_non_zero_exit_code()
    {
        var result = await PortalCli.RunAsync(["migrate", "--provider", "SqlServer"], new Dictionary<string, string?> { ["ConnectionStrings__SqlServer"] = "" });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("connection string", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_provider_is_a_usage_error()
    {
        var result = await PortalCli.RunAsync(["migrate", "--provider", "Oracle"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Oracle", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_commands()
    {
        var result = await PortalCli.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("migrate", result.Output, StringComparison.Ordinal);
        Assert.Contains("seed-demo", result.Output, StringComparison.Ordinal);
        Assert.Contains("import-catalog", result.Output, StringComparison.Ordinal);
        Assert.Contains("--connection", result.Output, StringComparison.Ordinal);
    }
}
