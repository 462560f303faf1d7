using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Jobs;

/// <summary>The portal's own runner: runs due jobs one after another, and looks again every poll interval when idle.</summary>
public sealed class JobWorker(JobRunner runner, IOptions<JobOptions> options, TimeProvider clock, ILogger<JobWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MaxErrorWait = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Background jobs: runner {Runner} started", runner.Name);
        var errors = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.PollInterval;
            try
            {
                if (await runner.RunOnceAsync(stoppingToken))
                {
                    errors = 0;
                    continue;
                }

                errors = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Typically the database is out of reach: wait longer each time, so the log is not flooded.
                errors++;
                wait = TimeSpan.FromTicks(Math.Min(MaxErrorWait.Ticks, wait.Ticks * (1L << Math.Min(errors, 10))));
                logger.LogError(ex, "Background jobs: looking for work failed; trying again in {Wait}", wait);
            }

            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
