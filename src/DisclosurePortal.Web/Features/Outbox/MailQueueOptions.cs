using System.ComponentModel.DataAnnotations;

namespace DisclosurePortal.Web.Features.Outbox;

/// <summary>
/// Configuration section "Email:Queue": how the background sender works through queued messages. Each round
/// takes what is due, sends it, and waits for more; a failure is tried again after <see cref="RetryDelay"/>,
/// doubled for each further attempt, until <see cref="MaxAttempts"/> have failed.
/// </summary>
public sealed class MailQueueOptions : IValidatableObject
{
    public const string Section = "Email:Queue";

    /// <summary>Attempts in all before a message is marked failed (a refusal by the server fails it at once).</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait before the second attempt; doubles each time.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the sender looks for due messages when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Messages taken per round.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a sender holds a message it took; after that another sender (or a restart) may take it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryDelay < TimeSpan.Zero)
        {
            yield return new ValidationResult("Email:Queue:RetryDelay must not be negative.", [nameof(RetryDelay)]);
        }

        if (PollInterval < TimeSpan.FromMilliseconds(10) || PollInterval > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Email:Queue:PollInterval must be between 10 ms and 1 hour.", [nameof(PollInterval)]);
        }

        if (Lease < TimeSpan.FromSeconds(30))
        {
            yield return new ValidationResult("Email:Queue:Lease must be at least 30 seconds.", [nameof(Lease)]);
        }
    }
}
