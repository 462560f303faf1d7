using System.ComponentModel.DataAnnotations;

namespace DisclosurePortal.Web;

/// <summary>Configuration section "Email". By default messages are written as .eml files to a pickup folder.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    [Required]
    public string PickupDirectory { get; set; } = "App_Data/outbox";

    [Required]
    public string From { get; set; } = "Disclosure Portal <no-reply@disclosure-portal.local>";
}
