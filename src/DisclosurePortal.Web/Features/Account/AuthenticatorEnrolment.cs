using System.Text;
using QRCoder;

namespace DisclosurePortal.Web.Features.Account;

/// <summary>What an authenticator app needs to add the portal: the shared key and the otpauth:// URI as a QR code.</summary>
public static class AuthenticatorEnrolment
{
    private const string Issuer = "Disclosure Portal";

    /// <summary>Groups of four, lower case, so the key is easy to type by hand.</summary>
    public static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(text.Length > 0 ? " " : string.Empty).Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString().ToLowerInvariant();
    }

    /// <summary>The key-URI format read by Google Authenticator, Microsoft Authenticator and others (6 digits, 30 s).</summary>
    public static string OtpAuthUri(string accountName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(accountName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>
    /// A PNG data URI rendered on the server: the key never goes to a third-party QR service, and the
    /// content security policy already allows data: images.
    /// </summary>
    public static string QrCodeDataUri(string otpAuthUri)
    {
        var png = PngByteQRCodeHelper.GetQRCode(otpAuthUri, QRCodeGenerator.ECCLevel.M, 4, drawQuietZones: true);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>Codes are often typed with spaces or hyphens, as the app shows them.</summary>
    public static string NormalizeCode(string code) => code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
}
