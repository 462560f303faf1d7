using System.Net;
using DisclosurePortal.Data.Entities;

namespace DisclosurePortal.IntegrationTests.Account;

public sealed class AccountChangePasswordTests(AccountPortalFactory portal) : IClassFixture<AccountPortalFactory>
{
    private const string Page = "/account/manage/change-password";
    private const string NewPassword = "Changed-Secret-2027";

    [Fact]
    public async Task Wrong_current_password_is_refused_and_nothing_changes()
    {
        var user = await portal.CreateUserAsync(PortalRoles.Respondent);
        using var browser = portal.NewBrowser();
        await browser.SignInAsync(user.Email, AccountPortalFactory.Password);

        var response = await ChangeAsync(browser, "Not-The-Password-1", NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Your current password is not right.", response.TextOf("account-errors"));
        Assert.False(response.Has("password-changed"));
        Assert.Equal("/", (await SignInFreshAsync(user.Email, AccountPortalFactory.Password)).RedirectPath);
    }

    [Fact]
    public async Task A_new_password_that_breaks_the_rules_is_explained()
    {
        var user = await portal.CreateUserAsync(PortalRoles.Reviewer);
        using var browser = portal.NewBrowser();
        await browser.SignInAsync(user.Email, AccountPortalFactory.Password);

        var response = await ChangeAsync(browser, AccountPortalFactory.Password, "alllowercase", "alllowercase");

        Assert.Contains("digit", response.TextOf("account-errors"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("/", (await SignInFreshAsync(user.Email, AccountPortalFactory.Password)).RedirectPath);
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_and_only_the_new_password_signs_in()
    {
        var user = await portal.CreateUserAsync(PortalRoles.Reviewer);
        using var browser = portal.NewBrowser();
        await browser.SignInAsync(user.Email, AccountPortalFactory.Password);
        var stampBefore = (await portal.FindUserAsync(user)).SecurityStamp;

        var response = await ChangeAsync(browser, AccountPortalFactory.Password, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Your password has been changed.", response.TextOf("password-changed"));
        // RefreshSignInAsync re-issues the cookie with the new security stamp.
        Assert.Contains(response.SetCookies, c => c.StartsWith("DisclosurePortal.Auth=", StringComparison.Ordinal));
        Assert.NotEqual(stampBefore, (await portal.FindUserAsync(user)).SecurityStamp);
        Assert.True(await browser.IsSignedInAsync());

        Assert.Equal("The e-mail or password is not right.", (await SignInFreshAsync(user.Email, AccountPortalFactory.Password)).TextOf("login-error"));
        Assert.Equal("/", (await SignInFreshAsync(user.Email, NewPassword)).RedirectPath);
    }

    private static Task<AccountResponse> ChangeAsync(AccountBrowser browser, string current, string next, string confirm) =>
        browser.SubmitAsync(Page, "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm,
        });

    private async Task<AccountResponse> SignInFreshAsync(string email, string password)
    {
        using var browser = portal.NewBrowser();
        return await browser.SignInAsync(email, password);
    }
}
