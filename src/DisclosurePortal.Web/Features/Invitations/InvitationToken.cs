using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace DisclosurePortal.Web.Features.Invitations;

/// <summary>The secret in an invitation link: 256 random bits, Base64Url; the database keeps only its SHA-256.</summary>
public static class InvitationToken
{
    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
