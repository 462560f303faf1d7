using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Jobs;

/// <summary>
/// A job kind for runner tests only, doing whatever the test scripts, on a context of the process that runs it
/// (its interceptors and the job's company scope included); no portal handler knows the kind.
/// </summary>
public sealed class ScriptedJob(Func<JobExecution, PortalDbContext, CancellationToken, Task> script)
{
    public const JobKind Kind = (JobKind)900;

    public const string Failure = "The scripted test job failed for good.";

    private readonly Func<JobExecution, PortalDbContext, CancellationToken, Task> script = script;
    private int runs;

    public ScriptedJob(Func<JobExecution, CancellationToken, Task> script)
        : this((job, _, cancellationToken) => script(job, cancellationToken))
    {
    }

    /// <summary>How many times a runner called it.</summary>
    public int Runs => Volatile.Read(ref runs);

    /// <summary>Registers it for <see cref="Kind"/> in a test process.</summary>
    public void Register(IServiceCollection services) =>
        services.AddKeyedScoped<IJobHandler>(Kind, (sp, _) => new Handler(this, sp.GetRequiredService<IDbContextFactory<PortalDbContext>>()));

    private sealed class Handler(ScriptedJob owner, IDbContextFactory<PortalDbContext> dbFactory) : IJobHandler
    {
        public string FailureMessage => Failure;

        public async Task RunAsync(JobExecution job, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner.runs);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await owner.script(job, db, cancellationToken);
        }
    }
}
