namespace DisclosurePortal.Web.Jobs;

/// <summary>
/// When a failed job runs again. The wait is kept in the job's row (not in a timer of the process), so a retry
/// that is due after a restart still happens, and the runner is free for other work meanwhile.
/// </summary>
public static class JobRetryPolicy
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The wait before the next attempt once <paramref name="attemptsMade"/> have failed: <paramref name="firstDelay"/>,
    /// doubling each time up to <see cref="MaxDelay"/>; null when no attempt is left.
    /// </summary>
    public static TimeSpan? NextDelay(int attemptsMade, int maxAttempts, TimeSpan firstDelay)
    {
        if (attemptsMade >= maxAttempts)
        {
            return null;
        }

        var doublings = Math.Clamp(attemptsMade - 1, 0, 30);
        var ticks = firstDelay.Ticks * Math.Pow(2, doublings);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
