using System.Text;
using DisclosurePortal.Web.Features.Account;

namespace DisclosurePortal.IntegrationTests.Account;

/// <summary>The test's own authenticator must be right before it can judge the portal's.</summary>
public sealed class AccountTotpTests
{
    // RFC 6238 appendix B, SHA-1 secret "12345678901234567890", last six of the eight digits.
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1111111111, "050471")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Codes_match_the_rfc_test_vectors(long unixSeconds, string expected)
    {
        const string key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Assert.Equal("12345678901234567890", Encoding.ASCII.GetString(AccountTotp.DecodeBase32(key)));
        Assert.Equal(expected, AccountTotp.Code(key, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }

    [Fact]
    public void The_shared_key_is_shown_in_groups_of_four_and_the_uri_names_issuer_and_account()
    {
        Assert.Equal("abcd efgh ijkl mnop q", AuthenticatorEnrolment.FormatKey("ABCDEFGHIJKLMNOPQ"));
        Assert.Equal(
            "otpauth://totp/Disclosure%20Portal:ana%40label.test?secret=ABCD&issuer=Disclosure%20Portal&digits=6",
            AuthenticatorEnrolment.OtpAuthUri("ana@label.test", "ABCD"));
    }
}
