using System.Net;
using System.Web;
using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace DisclosurePortal.IntegrationTests.Account;

public sealed class AccountPasswordResetTests(AccountPortalFactory portal) : IClassFixture<AccountPortalFactory>
{
    private const string NewPassword = "Brand-New-Secret-42";

    [Fact]
    public async Task Forgot_password_mails_an_existing_user_once_and_answers_an_unknown_address_the_same_way()
    {
        var user = await portal.CreateUserAsync(PortalRoles.Reviewer);
        var unknown = $"nobody-{Guid.NewGuid():N}@account.test";
        using var browser = portal.NewBrowser();

        var known = await RequestResetAsync(browser, user.Email);
        var notKnown = await RequestResetAsync(browser, unknown);

        Assert.Equal(HttpStatusCode.Redirect, known.Status);
        Assert.Equal("/account/forgot-password-confirmation", known.RedirectPath);
        Assert.Equal(known.Status, notKnown.Status);
        Assert.Equal(known.RedirectPath, notKnown.RedirectPath);
        var message = Assert.Single(await AccountOutbox.MessagesToAsync(portal.Outbox, user.Email));
        Assert.Empty(await AccountOutbox.MessagesToAsync(portal.Outbox, unknown));
        // Links use Accounts:PublicOrigin, not the request's Host header, which a sender could forge.
        Assert.StartsWith(AccountPortalFactory.PublicOrigin + "/account/reset-password?userId=", AccountOutbox.AbsoluteResetLink(message), StringComparison.Ordinal);

        var confirmation = await browser.GetAsync(known.RedirectPath!);
        Assert.Equal(HttpStatusCode.OK, confirmation.Status);
        Assert.Contains("If an active account uses that address", confirmation.TextOf("reset-link-sent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_and_locked_accounts_get_no_mail_and_the_same_answer()
    {
        var disabled = await portal.CreateUserAsync(PortalRoles.Reviewer, "disabled");
        var locked = await portal.CreateUserAsync(PortalRoles.Reviewer, "locked");
        await portal.WithUsersAsync(async users =>
        {
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(disabled.Id))!, DateTimeOffset.MaxValue);
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(locked.Id))!, DateTimeOffset.UtcNow.AddMinutes(10));
            return true;
        });
        using var browser = portal.NewBrowser();

        foreach (var account in new[] { disabled, locked })
        {
            var response = await RequestResetAsync(browser, account.Email);
            Assert.Equal("/account/forgot-password-confirmation", response.RedirectPath);
            Assert.Empty(await AccountOutbox.MessagesToAsync(portal.Outbox, account.Email));
        }
    }

    [Fact]
    public async Task The_link_from_the_email_sets_a_new_password_once_and_the_old_one_stops_working()
    {
        var user = await portal.CreateUserAsync(PortalRoles.Reviewer);
        using var browser = portal.NewBrowser();
        await RequestResetAsync(browser, user.Email);
        var link = AccountOutbox.ResetLink(Assert.Single(await AccountOutbox.MessagesToAsync(portal.Outbox, user.Email)));
        Assert.Equal(user.Id, HttpUtility.ParseQueryString(new Uri(new Uri("https://localhost"), link).Query)["userId"]);

        // Password rules are checked and explained; nothing changes yet.
        var weak = await SetPasswordAsync(browser, link, "short", "short");
        Assert.Equal(HttpStatusCode.OK, weak.Status);
        Assert.Contains("at least 10 characters", weak.TextOf("account-errors"), StringComparison.OrdinalIgnoreCase);
        var mismatch = await SetPasswordAsync(browser, link, NewPassword, NewPassword + "x");
        Assert.Contains("The two passwords are not the same.", WebUtility.HtmlDecode(mismatch.Html), StringComparison.Ordinal);
        Assert.True(await CheckPasswordAsync(user, AccountPortalFactory.Password));

        var reset = await SetPasswordAsync(browser, link, NewPassword, NewPassword);
        Assert.Equal("/account/reset-password-confirmation", reset.RedirectPath);
        Assert.True((await browser.GetAsync(reset.RedirectPath!)).Has("password-reset-done"));

        Assert.False(await CheckPasswordAsync(user, AccountPortalFactory.Password));
        Assert.True(await CheckPasswordAsync(user, NewPassword));
        using (var fresh = portal.NewBrowser())
        {
            Assert.Equal("The e-mail or password is not right.", (await fresh.SignInAsync(user.Email, AccountPortalFactory.Password)).TextOf("login-error"));
            Assert.Equal("/", (await fresh.SignInAsync(user.Email, NewPassword)).RedirectPath);
        }

        // The token was bound to the old security stamp: the same link cannot be used again.
        var again = await SetPasswordAsync(browser, link, "Another-Secret-77", "Another-Secret-77");
        Assert.True(again.Has("reset-link-invalid"));
        Assert.True(await CheckPasswordAsync(user, NewPassword));
    }

    [Fact]
    public async Task A_tampered_or_foreign_token_is_refused_with_a_neutral_message()
    {
        var user = await portal.CreateUserAsync(PortalRoles.Reviewer);
        var other = await portal.CreateUserAsync(PortalRoles.Reviewer, "other");
        using var browser = portal.NewBrowser();
        await RequestResetAsync(browser, other.Email);
        var otherLink = AccountOutbox.ResetLink(Assert.Single(await AccountOutbox.MessagesToAsync(portal.Outbox, other.Email)));
        var code = HttpUtility.ParseQueryString(new Uri(new Uri("https://localhost"), otherLink).Query)["code"];

        // Another user's token with this user's id, and a link to an id that does not exist.
        foreach (var link in new[] { $"/account/reset-password?userId={user.Id}&code={code}", $"/account/reset-password?userId=missing&code={code}" })
        {
            var response = await SetPasswordAsync(browser, link, NewPassword, NewPassword);
            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.Equal("This reset link is not valid or has expired. Ask for a new one.", response.TextOf("reset-link-invalid"));
        }

        Assert.True(await CheckPasswordAsync(user, AccountPortalFactory.Password));
        Assert.True((await browser.GetAsync("/account/reset-password")).Has("reset-link-invalid"));
    }

    private static Task<AccountResponse> RequestResetAsync(AccountBrowser browser, string email) =>
        browser.SubmitAsync("/account/forgot-password", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

    private static Task<AccountResponse> SetPasswordAsync(AccountBrowser browser, string link, string password, string confirm) =>
        browser.ResetPasswordAsync(link, password, confirm);

    private Task<bool> CheckPasswordAsync(AccountTestUser account, string password) =>
        portal.WithUsersAsync(async (UserManager<PortalUser> users) => await users.CheckPasswordAsync((await users.FindByIdAsync(account.Id))!, password));
}
