using DisclosurePortal.Core.Companies;

namespace DisclosurePortal.Core.Tests;

public class ContactEmailTests
{
    [Theory]
    [InlineData(" Ada@Example.COM ", "ada@example.com")]
    [InlineData("Ada Lovelace <ada@example.com>", "ada@example.com")]
    [InlineData("first.last+legal@sub.example.co.uk", "first.last+legal@sub.example.co.uk")]
    public void Accepts_an_address_and_keeps_it_in_lower_case(string text, string address)
    {
        Assert.True(ContactEmail.TryParse(text, out var parsed, out _));
        Assert.Equal(address, parsed);
    }

    [Theory]
    [InlineData(null, "no e-mail address")]
    [InlineData("   ", "no e-mail address")]
    [InlineData("ada", "'ada' is not an e-mail address")]
    [InlineData("ada@localhost", "'ada@localhost' is not an e-mail address")]
    [InlineData("ada@example..com", "'ada@example..com' is not an e-mail address")]
    [InlineData("ada@[127.0.0.1]", "'ada@[127.0.0.1]' is not an e-mail address")]
    [InlineData("\"ada lovelace\"@example.com", "'\"ada lovelace\"@example.com' is not an e-mail address")]
    [InlineData("a@b.com, c@d.com", "'a@b.com, c@d.com' is not an e-mail address")]
    public void Refuses_what_is_not_one_address_a_company_would_give(string? text, string reason)
    {
        Assert.False(ContactEmail.TryParse(text, out _, out var why));
        Assert.Equal(reason, why);
    }

    [Fact]
    public void Refuses_an_address_longer_than_254_characters()
    {
        var text = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".com";
        Assert.False(ContactEmail.TryParse(text, out _, out var why));
        Assert.Contains("longer than 254 characters", why, StringComparison.Ordinal);
    }
}
