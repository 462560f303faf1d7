using System.Net;

namespace DisclosurePortal.IntegrationTests.Account;

/// <summary>One network address may post the credential and token forms only so often per minute, per form.</summary>
public sealed class AccountRateLimitTests(AccountPortalFactoryWithLowRateLimit portal) : IClassFixture<AccountPortalFactoryWithLowRateLimit>
{
    [Theory]
    [InlineData("/account/forgot-password")]
    [InlineData("/account/login")]
    [InlineData("/invitation/some-token")]
    public async Task Posts_beyond_the_limit_are_refused_with_a_plain_message_while_pages_still_load(string path)
    {
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        for (var i = 0; i < AccountPortalFactoryWithLowRateLimit.Limit; i++)
        {
            using var allowed = await client.PostAsync(path, new FormUrlEncodedContent([new("Input.Email", $"nobody{i}@example.test")]));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var refused = await client.PostAsync(path, new FormUrlEncodedContent([new("Input.Email", "nobody@example.test")]));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Too many attempts from your network in a short time. Wait a minute, then try again.", await refused.Content.ReadAsStringAsync());

        using var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
