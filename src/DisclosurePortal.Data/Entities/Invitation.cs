namespace DisclosurePortal.Data.Entities;

/// <summary>
/// An access invitation for one person at one company. The link carries a random token; only its SHA-256
/// is stored, so the table alone cannot be used to sign up. Open while not accepted, revoked or expired.
/// </summary>
public class Invitation : ICompanyOwned
{
    public int Id { get; set; }

    public int CompanyId { get; set; }

    public Company? Company { get; set; }

    /// <summary>The address the link was sent to; the account created from it gets this address.</summary>
    public string Email { get; set; } = string.Empty;

    /// <summary>
    /// Lower-case hex SHA-256 of the token in the link; null until the e-mail is sent (the token is made then, and
    /// each sending attempt makes a new one).
    /// </summary>
    public string? TokenHash { get; set; }

    /// <summary>The request whose invitation text was used, when there was one.</summary>
    public int? RequestId { get; set; }

    public string? InvitedByUserId { get; set; }

    /// <summary>A colleague at the company (its lead respondent) sent it, not label staff.</summary>
    public bool ByColleague { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public string? AcceptedUserId { get; set; }

    /// <summary>Set when staff revoke the link or a newer invitation to the same address replaces it.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsOpen(DateTimeOffset now) => TokenHash is not null && AcceptedAt is null && RevokedAt is null && now < ExpiresAt;
}
