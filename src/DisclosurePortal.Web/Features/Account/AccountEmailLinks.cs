using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Account;

/// <summary>Absolute links for account and invitation e-mails, on the configured public origin when there is one.</summary>
public sealed class AccountEmailLinks(NavigationManager navigation, IOptions<AccountOptions> options)
{
    public string PasswordReset(string userId, string token) =>
        Absolute($"account/reset-password?userId={Uri.EscapeDataString(userId)}&code={EncodeToken(token)}");

    public string Invitation(string token) => Absolute($"invitation/{Uri.EscapeDataString(token)}");

    /// <summary>A portal page named by its path (e.g. "response/versions/2"), for notification e-mails.</summary>
    public string Page(string relative) => Absolute(relative);

    /// <summary>An invitation link up to its token, which the sender adds when the e-mail goes out.</summary>
    public string InvitationBase => Absolute("invitation/");

    /// <summary>The portal's address as links in e-mails start ("https://portal.example/").</summary>
    public string Origin => Absolute(string.Empty);

    /// <summary>The sign-in page under <paramref name="origin"/>, for messages written away from any page (reminders).</summary>
    public static string SignIn(string origin) => new Uri(new Uri(origin.TrimEnd('/') + "/"), "account/login").ToString();

    /// <summary>Identity tokens contain '+', '/' and '='; Base64Url keeps them intact in a query string.</summary>
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token back from a link, or null when the link was cut or altered.</summary>
    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code.Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string Absolute(string relative)
    {
        var origin = options.Value.PublicOrigin;
        var baseUri = string.IsNullOrWhiteSpace(origin) ? navigation.BaseUri : origin.TrimEnd('/') + "/";
        return new Uri(new Uri(baseUri), relative).ToString();
    }
}
