using DisclosurePortal.Data;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Jobs;

/// <summary>
/// One portal "process" for job tests: the portal's services on the fixture's database with the test's clock,
/// and its job runner. Several of them on one database are several portals (or one, restarted).
/// </summary>
public sealed class JobProcess : IAsyncDisposable
{
    private readonly ServiceProvider services;

    public JobProcess(DatabaseFixture database, TimeProvider clock, Interruption? interruption = null, Action<IServiceCollection>? configure = null)
    {
        services = PortalTestServices.Build(database, clock, configure: s =>
        {
            if (interruption is not null)
            {
                s.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(interruption.Interceptors), ServiceLifetime.Scoped);
            }

            configure?.Invoke(s);
        });
    }

    public IServiceProvider Services => services;

    public JobRunner Runner => services.GetRequiredService<JobRunner>();

    /// <summary>Runs due jobs one after another until none is due; returns how many ran (a bound stops a runaway loop).</summary>
    public async Task<int> RunUntilIdleAsync(CancellationToken cancellationToken = default)
    {
        var ran = 0;
        while (await Runner.RunOnceAsync(cancellationToken))
        {
            Assert.True(++ran < 1000, "The runner kept finding jobs; something requeues them without end.");
        }

        return ran;
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
