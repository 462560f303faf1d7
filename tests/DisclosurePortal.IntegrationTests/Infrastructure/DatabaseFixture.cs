using DisclosurePortal.Data;
using DisclosurePortal.Web.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DisclosurePortal.IntegrationTests.Infrastructure;

/// <summary>
/// One empty database for one test class, on one provider. The same data tests run against every
/// subclass (SQLite file, real PostgreSQL), so provider differences show up as test failures.
/// Nothing is migrated until a test asks for it (<see cref="EnsureInitializedAsync"/>).
/// </summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private readonly Lazy<ServiceProvider> services;
    private readonly Lock gate = new();
    private Task? initialization;

    protected DatabaseFixture() => services = new Lazy<ServiceProvider>(() => PortalTestServices.Build(this, new FixedTimeProvider(TestData.Now)));

    public abstract DatabaseProvider Provider { get; }

    public string ConnectionString { get; protected set; } = string.Empty;

    /// <summary>Why this provider's tests are skipped on this machine; null when the database is available.</summary>
    public string? UnavailableReason { get; protected set; }

    /// <summary>The portal's storage folder (uploads) for this fixture.</summary>
    public TempDirectory Storage { get; } = new("portal-storage");

    /// <summary>Skips the calling <c>[SkippableFact]</c> when this provider is not available here.</summary>
    public void RequireAvailable() => Skip.If(UnavailableReason is not null, UnavailableReason);

    /// <summary>A context outside dependency injection, staff scope unless another is given.</summary>
    public PortalDbContext CreateContext(CompanyScope? scope = null) =>
        new(PortalDatabase.Options(Provider, ConnectionString), scope ?? CompanyScope.Staff());

    /// <summary>
    /// The portal's data and feature services on this database (see <see cref="PortalTestServices"/>), shared by
    /// the class's tests; the clock stands still at <see cref="TestData.Now"/>. Open a scope per unit of work.
    /// </summary>
    public IServiceProvider Services => services.Value;

    /// <summary>Runs the queued background jobs (validation, then the reconciliation it queues) until none is due, as the portal's worker would.</summary>
    public async Task RunQueuedJobsAsync()
    {
        var runner = Services.GetRequiredService<JobRunner>();
        while (await runner.RunOnceAsync(default))
        {
        }
    }

    /// <summary>Migrates and ensures the roles, once per fixture, the way the portal does at start-up.</summary>
    public Task EnsureInitializedAsync()
    {
        lock (gate)
        {
            return initialization ??= MigrateAsync();
        }
    }

    private async Task MigrateAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff();
        await scope.ServiceProvider.GetRequiredService<PortalDatabaseInitializer>().InitializeAsync(forceMigrate: true);
    }

    public abstract Task InitializeAsync();

    public virtual async Task DisposeAsync()
    {
        if (services.IsValueCreated)
        {
            await services.Value.DisposeAsync();
        }

        Storage.Dispose();
    }
}

/// <summary>A SQLite database in a temporary file.</summary>
public sealed class SqliteDatabaseFixture : DatabaseFixture
{
    private TempDirectory Folder { get; } = new("portal-sqlite");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override Task InitializeAsync()
    {
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Folder.Combine("portal.db") }.ToString();
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Folder.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>
/// A new, uniquely named database on the PostgreSQL server named by <c>PORTAL_TEST_POSTGRES</c>
/// (tests/run.sh starts a throw-away server and sets it), created here and dropped afterwards.
/// Without that variable the PostgreSQL tests are skipped locally, and fail in CI (<c>CI=true</c>).
/// </summary>
public sealed class PostgreSqlDatabaseFixture : DatabaseFixture
{
    public const string ServerVariable = "PORTAL_TEST_POSTGRES";

    private string? serverConnectionString;
    private string? databaseName;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override async Task InitializeAsync()
    {
        serverConnectionString = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(serverConnectionString))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"{ServerVariable} is not set, but CI=true: the PostgreSQL tests must run in CI. " +
                    "Run the tests with `bash tests/run.sh`, which starts a throw-away PostgreSQL and sets it.");
            }

            UnavailableReason = $"PostgreSQL tests skipped: set {ServerVariable} (e.g. Host=127.0.0.1;Port=5432;Username=postgres) or run `bash tests/run.sh`.";
            return;
        }

        databaseName = $"portal_test_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE \"{databaseName}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = databaseName }.ToString();
    }

    public override async Task DisposeAsync()
    {
        if (databaseName is not null)
        {
            await using (var connection = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
        }

        await base.DisposeAsync();
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
