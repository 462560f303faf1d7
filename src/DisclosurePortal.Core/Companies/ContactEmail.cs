using System.Net.Mail;

namespace DisclosurePortal.Core.Companies;

/// <summary>
/// The rules for an address the portal sends to: one mailbox (a "Name &lt;address&gt;" form gives its address),
/// a domain with at least one dot, no spaces or control characters, at most 254 characters; kept in lower case
/// so one person is one address however it was typed.
/// </summary>
public static class ContactEmail
{
    public const int MaxLength = 254;

    /// <summary>The address in <paramref name="text"/>, lower case, or null with the reason it is not one.</summary>
    public static bool TryParse(string? text, out string address, out string reason)
    {
        address = string.Empty;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            reason = "no e-mail address";
            return false;
        }

        if (!MailAddress.TryCreate(trimmed, out var parsed))
        {
            reason = $"'{Shorten(trimmed)}' is not an e-mail address";
            return false;
        }

        // MailAddress reads the first of "a@x.com, b@y.com" and ignores the rest: the text must be the address, or "Name <address>".
        var open = trimmed.IndexOf('<', StringComparison.Ordinal);
        var written = open < 0 ? trimmed : trimmed.EndsWith('>') ? trimmed[(open + 1)..^1].Trim() : string.Empty;
        if (!string.Equals(written, parsed.Address, StringComparison.OrdinalIgnoreCase))
        {
            reason = $"'{Shorten(trimmed)}' is not an e-mail address";
            return false;
        }

        var candidate = parsed.Address.ToLowerInvariant();
        var at = candidate.LastIndexOf('@');
        var domain = at < 0 ? string.Empty : candidate[(at + 1)..];
        if (candidate.Length > MaxLength)
        {
            reason = $"the e-mail address '{Shorten(candidate)}' is longer than {MaxLength} characters";
            return false;
        }

        // MailAddress accepts "someone@localhost", quoted local parts with spaces and bracketed IP domains; none of
        // them is an address a company gives for a formal request.
        if (at <= 0 || !domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.')
            || domain.StartsWith('[') || domain.Contains("..", StringComparison.Ordinal)
            || candidate.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '"'))
        {
            reason = $"'{Shorten(trimmed)}' is not an e-mail address";
            return false;
        }

        address = candidate;
        reason = string.Empty;
        return true;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
