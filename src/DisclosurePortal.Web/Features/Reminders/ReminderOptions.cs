using System.ComponentModel.DataAnnotations;

namespace DisclosurePortal.Web.Features.Reminders;

/// <summary>Configuration section "Reminders": the background scan that queues reminders and overdue notices.</summary>
public sealed class ReminderOptions : IValidatableObject
{
    public const string Section = "Reminders";

    /// <summary>Off: no reminder or overdue notice is queued (invitations are not affected).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often companies are checked; a reminder goes out at most this long after its moment.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ScanInterval < TimeSpan.FromSeconds(1) || ScanInterval > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult("Reminders:ScanInterval must be between 1 second and 1 day.", [nameof(ScanInterval)]);
        }
    }
}
