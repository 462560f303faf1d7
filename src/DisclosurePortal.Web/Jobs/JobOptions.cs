using System.ComponentModel.DataAnnotations;

namespace DisclosurePortal.Web.Jobs;

/// <summary>Configuration section "Jobs": how background jobs are held, looked for and retried.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// How long a claim holds a job without being renewed (a running job renews it every third of this). After a
    /// crash, its job is taken over by another runner this long after the last renewal at the latest.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "Jobs:LeaseDuration must be between 5 seconds and 1 hour.")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an idle runner waits before looking for work again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00", ErrorMessage = "Jobs:PollInterval must be between 50 milliseconds and 5 minutes.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts in all, the first included, before a failing job is given up with a message for the user.</summary>
    [Range(1, 20, ErrorMessage = "Jobs:MaxAttempts must be between 1 and 20.")]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry; each further retry waits twice as long (at most <see cref="JobRetryPolicy.MaxDelay"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Jobs:RetryDelay must be between 0 and 1 hour.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
