using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace DisclosurePortal.IntegrationTests.Infrastructure;

/// <summary>
/// The portal's own registrations (AddPortalDatabase, Identity stores, AddPortalFeatures) on a test
/// database, without the web host. The signed-in user comes from <see cref="TestAuthenticationStateProvider"/>.
/// </summary>
public static class PortalTestServices
{
    /// <param name="settings">Configuration on top of the database's (e.g. Email:Delivery = Smtp).</param>
    /// <param name="logs">Receives every log line (at all levels) when given.</param>
    /// <param name="configure">Last changes to the registrations (a replaced service, an interceptor).</param>
    public static ServiceProvider Build(
        DatabaseFixture database, TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddPortalTestServices(database, clock, settings, logs);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = false });
    }

    /// <summary>The registrations <see cref="Build"/> makes, for a host of the test's own (e.g. one that runs the job worker).</summary>
    public static IServiceCollection AddPortalTestServices(
        this IServiceCollection services, DatabaseFixture database, TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            [$"ConnectionStrings:{database.Provider}"] = database.ConnectionString,
            ["Storage:DataDirectory"] = database.Storage.Path,
            ["Email:PickupDirectory"] = database.Storage.Combine("outbox"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(logs is null ? LogLevel.Warning : LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.AddPortalDatabase(configuration, database.Storage.Path);
        services.IgnoreManyEfServiceProviders();
        services.AddIdentityCore<PortalUser>().AddPortalIdentityStores();
        services.AddPortalFeatures(configuration);
        if (clock is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(clock));
        }

        services.AddScoped<PortalSession>();
        services.AddOptions<AccountOptions>();
        services.AddScoped<AccountEmailLinks>();
        services.AddScoped<NavigationManager, TestNavigationManager>();
        services.AddScoped<TestAuthenticationStateProvider>();
        services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<TestAuthenticationStateProvider>());
        return services;
    }

    /// <summary>
    /// Every test container (and every test web host) gets its own EF internal service provider; more than
    /// twenty in one process is expected here, not the production bug the warning is meant to catch.
    /// </summary>
    public static IServiceCollection IgnoreManyEfServiceProviders(this IServiceCollection services) =>
        services.ConfigureDbContext<PortalDbContext>(
            options => options.ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning)),
            ServiceLifetime.Scoped);

    /// <summary>A scope in which <paramref name="user"/> is signed in.</summary>
    public static AsyncServiceScope SignedInScope(this IServiceProvider services, ClaimsPrincipal user)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestAuthenticationStateProvider>().User = user;
        return scope;
    }
}

/// <summary>Links are built on this origin outside a Blazor circuit.</summary>
public sealed class TestNavigationManager : NavigationManager
{
    public const string Origin = "https://portal.test/";

    public TestNavigationManager() => Initialize(Origin, Origin);

    protected override void NavigateToCore(string uri, NavigationOptions options)
    {
    }
}

/// <summary>Whoever the test says is signed in; anonymous by default.</summary>
public sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
{
    public ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity());

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(User));
}

/// <summary>Principals carrying the claims the portal's sign-in puts in the cookie (see PortalClaimsPrincipalFactory).</summary>
public static class TestUsers
{
    public static ClaimsPrincipal Respondent(int companyId, string userId = "respondent-user") =>
        Create(userId, PortalRoles.Respondent, companyId);

    public static ClaimsPrincipal Reviewer(string userId = "reviewer-user") => Create(userId, PortalRoles.Reviewer, null);

    public static ClaimsPrincipal Admin(string userId = "admin-user") => Create(userId, PortalRoles.Admin, null);

    public static ClaimsPrincipal Create(string userId, string role, int? companyId)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userId),
            new(ClaimTypes.Name, $"{userId}@example.test"),
            new(ClaimTypes.Role, role),
            new(PortalClaimsPrincipalFactory.DisplayNameClaim, userId),
        };
        if (companyId is { } id)
        {
            claims.Add(new Claim(PortalClaimsPrincipalFactory.CompanyClaim, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "Test"));
    }
}

/// <summary>A clock that stays where the test put it.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
