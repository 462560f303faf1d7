using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DisclosurePortal.IntegrationTests.Data;

/// <summary>
/// Each provider's migrations assembly keeps up with the model: a model change without a new migration
/// for every provider fails here. None of these needs a database server.
/// </summary>
public sealed class MigrationCompletenessTests
{
    public static TheoryData<DatabaseProvider, string> Providers => new()
    {
        { DatabaseProvider.Sqlite, "Data Source=model-check.db" },
        { DatabaseProvider.SqlServer, "Server=localhost;Database=ModelCheck;Trusted_Connection=True;TrustServerCertificate=True" },
        { DatabaseProvider.PostgreSql, "Host=localhost;Database=model_check;Username=portal" },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_model_has_no_changes_missing_from_the_providers_migrations(DatabaseProvider provider, string connectionString)
    {
        using var db = new PortalDbContext(PortalDatabase.Options(provider, connectionString), CompanyScope.Staff());

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(
            db.Database.HasPendingModelChanges(),
            $"The model has changes that {PortalDatabase.MigrationsAssembly(provider)} has no migration for. " +
            $"Add one: dotnet ef migrations add <Name> --project migrations/{PortalDatabase.MigrationsAssembly(provider)} --startup-project migrations/{PortalDatabase.MigrationsAssembly(provider)}");
    }

    [Fact]
    public void The_SQL_Server_idempotent_script_is_generated_and_contains_every_migration()
    {
        using var db = new PortalDbContext(
            PortalDatabase.Options(DatabaseProvider.SqlServer, "Server=localhost;Database=ScriptCheck;Trusted_Connection=True;TrustServerCertificate=True"),
            CompanyScope.Staff());
        var migrations = db.Database.GetMigrations().ToList();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.False(string.IsNullOrWhiteSpace(script));
        Assert.Contains(migrations, m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.All(migrations, m => Assert.Contains($"N'{m}'", script, StringComparison.Ordinal));
        // Idempotent: every migration is guarded by a history check, so the script can run on any database state.
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("[__EFMigrationsHistory]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [WorkListUploads]", script, StringComparison.Ordinal);
    }
}
