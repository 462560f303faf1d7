using System.CommandLine;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Cli.Commands;

/// <summary>The options every database command shares: <c>--provider</c> and <c>--connection</c>.</summary>
public sealed class DatabaseTargetOptions
{
    public Option<DatabaseProvider?> Provider { get; } = new("--provider")
    {
        Description = "Database provider: Sqlite, SqlServer or PostgreSql (default: Database:Provider from configuration, else Sqlite).",
        Recursive = true,
    };

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "Connection string (default: ConnectionStrings:<Provider> from appsettings.json next to the tool or the environment).",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
    }
}

/// <summary>
/// Configuration and services for one command run. Configuration comes, later sources winning, from
/// appsettings.json next to the tool, environment variables (<c>Database__Provider</c>,
/// <c>ConnectionStrings__PostgreSql</c>, ...) and the <c>--provider</c>/<c>--connection</c> options.
/// </summary>
internal static class DatabaseTarget
{
    public static IHost Build(ParseResult parseResult, DatabaseTargetOptions options)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables();

        var provider = parseResult.GetValue(options.Provider)
            ?? builder.Configuration.GetValue<DatabaseProvider?>($"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}")
            ?? DatabaseProvider.Sqlite;
        var overrides = new Dictionary<string, string?>
        {
            [$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"] = provider.ToString(),
        };
        if (parseResult.GetValue(options.Connection) is { Length: > 0 } connection)
        {
            overrides[$"ConnectionStrings:{provider}"] = connection;
        }

        builder.Configuration.AddInMemoryCollection(overrides);

        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Migrate logs a failed connection while it checks whether a PostgreSQL or SQL Server database exists yet;
        // real connection failures still surface as the command's error.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.Critical);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPortalDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddIdentityCore<PortalUser>().AddPortalIdentityStores();
        builder.Services.AddScoped<Data.Demo.DemoSeeder>();
        return builder.Build();
    }

    /// <summary>Runs <paramref name="work"/> in a staff scope; configuration mistakes are reported in one line, not a stack trace.</summary>
    public static async Task<int> RunAsync(
        ParseResult parseResult,
        DatabaseTargetOptions options,
        Func<IServiceProvider, TextWriter, CancellationToken, Task<int>> work,
        CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            using var host = Build(parseResult, options);
            await using var scope = host.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff();
            var database = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            await output.WriteLineAsync($"Database: {database.Provider}");
            return await work(scope.ServiceProvider, output, cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync($"Configuration error: {string.Join(" ", ex.Failures)}");
            return 2;
        }
    }
}
