using System.ComponentModel.DataAnnotations;

namespace DisclosurePortal.Web.Features.Account;

/// <summary>Configuration section "Accounts".</summary>
public sealed class AccountOptions : IValidatableObject
{
    public const string Section = "Accounts";

    /// <summary>Admins must set up an authenticator app before they can use the portal.</summary>
    public bool RequireTwoFactorForAdmins { get; set; }

    [Range(3, 20)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>
    /// How many sign-in, password-reset and invitation forms one network address may send per minute; more are
    /// refused (429) until the minute is over. Lockout guards one account; this guards against trying many.
    /// </summary>
    [Range(1, 100_000)]
    public int FormPostsPerMinute { get; set; } = 10;

    /// <summary>
    /// The portal's public address (e.g. https://disclosure.example.com) for links in e-mails. When empty the
    /// address of the request is used; set it in production so a forged Host header cannot redirect reset links.
    /// </summary>
    public string? PublicOrigin { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PublicOrigin)
            && !(Uri.TryCreate(PublicOrigin, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("Accounts:PublicOrigin must be an absolute http(s) address.", [nameof(PublicOrigin)]);
        }
    }
}
