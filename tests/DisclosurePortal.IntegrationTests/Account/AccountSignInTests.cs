using System.Net;
using DisclosurePortal.Data.Entities;

namespace DisclosurePortal.IntegrationTests.Account;

public sealed class AccountSignInTests(AccountPortalFactory portal) : IClassFixture<AccountPortalFactory>
{
    private const string WrongCredentials = "The e-mail or password is not right.";

    [Fact]
    public async Task Sign_in_with_the_right_password_redirects_home_and_opens_signed_in_pages()
    {
        var user = await portal.CreateUserAsync(PortalRoles.Reviewer);
        using var browser = portal.NewBrowser();
        Assert.False(await browser.IsSignedInAsync());

        var response = await browser.SignInAsync(user.Email, AccountPortalFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal("/", response.RedirectPath);
        var manage = await browser.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.OK, manage.Status);
        Assert.Equal(user.Email, manage.TextOf("account-email"));
        Assert.Equal(PortalRoles.Reviewer, manage.TextOf("account-role"));
        Assert.StartsWith("Off", manage.TextOf("two-factor-status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_message()
    {
        var user = await portal.CreateUserAsync(PortalRoles.Reviewer);
        using var browser = portal.NewBrowser();

        var wrongPassword = await browser.SignInAsync(user.Email, "Not-The-Password-1");
        var unknownEmail = await browser.SignInAsync($"nobody-{Guid.NewGuid():N}@account.test", "Not-The-Password-1");

        Assert.Equal(HttpStatusCode.OK, wrongPassword.Status);
        Assert.Equal(HttpStatusCode.OK, unknownEmail.Status);
        Assert.Equal(WrongCredentials, wrongPassword.TextOf("login-error"));
        Assert.Equal(WrongCredentials, unknownEmail.TextOf("login-error"));
        Assert.False(await browser.IsSignedInAsync());
        Assert.Equal(1, (await portal.FindUserAsync(user)).AccessFailedCount);
    }

    [Fact]
    public async Task Account_locks_after_the_configured_number_of_failures_even_for_the_right_password()
    {
        var user = await portal.CreateUserAsync(PortalRoles.Reviewer);
        using var browser = portal.NewBrowser();

        for (var attempt = 1; attempt < AccountPortalFactory.MaxFailedSignIns; attempt++)
        {
            Assert.Equal(WrongCredentials, (await browser.SignInAsync(user.Email, "Not-The-Password-1")).TextOf("login-error"));
        }

        var last = await browser.SignInAsync(user.Email, "Not-The-Password-1");
        Assert.Equal("/account/lockout", last.RedirectPath);
        Assert.True((await portal.FindUserAsync(user)).LockoutEnd > DateTimeOffset.UtcNow);

        var rightPassword = await browser.SignInAsync(user.Email, AccountPortalFactory.Password);
        Assert.Equal("/account/lockout", rightPassword.RedirectPath);
        Assert.False(await browser.IsSignedInAsync());
        Assert.Contains("Account locked", (await browser.GetAsync("/account/lockout")).Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/account/manage")]
    [InlineData("/account/manage/change-password")]
    [InlineData("/account/manage/two-factor")]
    [InlineData("/account/manage/enable-authenticator")]
    public async Task Manage_pages_send_signed_out_visitors_to_sign_in(string path)
    {
        using var browser = portal.NewBrowser();

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.StartsWith("/account/login", response.RedirectPath, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(path), response.RedirectPath, StringComparison.OrdinalIgnoreCase);
    }
}
