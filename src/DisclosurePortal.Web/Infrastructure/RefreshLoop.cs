namespace DisclosurePortal.Web.Infrastructure;

/// <summary>
/// Calls an interactive component's refresh at a fixed interval until disposed. Pages follow background jobs
/// this way, by reading the database each time, so what they show survives a restart of the portal and a
/// reconnected circuit, and needs no signal from the job to the page.
/// </summary>
public sealed class RefreshLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public RefreshLoop(TimeSpan interval, TimeProvider clock, Func<Task> refresh, ILogger logger)
    {
        loop = RunAsync(interval, clock, refresh, logger, stop.Token);
    }

    private static async Task RunAsync(TimeSpan interval, TimeProvider clock, Func<Task> refresh, ILogger logger, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await refresh();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next tick tries again (the database may be briefly out of reach).
                    logger.LogWarning(ex, "Refreshing a page from the database failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}
