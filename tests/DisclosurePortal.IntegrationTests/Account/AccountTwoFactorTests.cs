using System.Net;
using System.Text.RegularExpressions;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;

namespace DisclosurePortal.IntegrationTests.Account;

public sealed partial class AccountTwoFactorTests(AccountPortalFactory portal) : IClassFixture<AccountPortalFactory>
{
    private const string EnablePage = "/account/manage/enable-authenticator";

    [Fact]
    public async Task Enabling_the_authenticator_with_a_computed_code_turns_on_two_factor_and_sign_in_then_asks_for_a_code()
    {
        var user = await portal.CreateUserAsync(PortalRoles.Reviewer);
        using var browser = portal.NewBrowser();
        await browser.SignInAsync(user.Email, AccountPortalFactory.Password);

        var setup = await browser.GetAsync(EnablePage);
        Assert.Equal(HttpStatusCode.OK, setup.Status);
        var shownKey = setup.TextOf("shared-key");
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", shownKey);
        var storedKey = await portal.WithUsersAsync(async users => await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(user.Id))!));
        Assert.Equal(storedKey, shownKey.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        // The QR code is a PNG rendered on the server from the otpauth:// URI for this account and key.
        var qr = QrSource().Match(setup.Html);
        Assert.True(qr.Success);
        var qrSource = WebUtility.HtmlDecode(qr.Groups[1].Value);
        Assert.Equal(AuthenticatorEnrolment.QrCodeDataUri(AuthenticatorEnrolment.OtpAuthUri(user.Email, storedKey!)), qrSource);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], Convert.FromBase64String(qrSource["data:image/png;base64,".Length..])[..4]);

        var wrong = await VerifyAsync(browser, AccountTotp.WrongCode(shownKey));
        Assert.True(wrong.Has("verify-error"));
        Assert.False((await portal.FindUserAsync(user)).TwoFactorEnabled);

        var enabled = await VerifyAsync(browser, AccountTotp.Code(shownKey));
        Assert.True(enabled.Has("authenticator-enabled"));
        var shownCodes = RecoveryCodes(enabled);
        Assert.Equal(10, shownCodes.Count);
        Assert.Equal(10, shownCodes.Distinct().Count());
        Assert.True((await portal.FindUserAsync(user)).TwoFactorEnabled);
        Assert.Equal(10, await portal.WithUsersAsync(async users => await users.CountRecoveryCodesAsync((await users.FindByIdAsync(user.Id))!)));
        Assert.True(await browser.IsSignedInAsync());
        // Shown once: coming back to the page does not show the codes or a new key.
        var revisit = await browser.GetAsync(EnablePage);
        Assert.True(revisit.Has("authenticator-already-on"));
        Assert.False(revisit.Has("recovery-codes"));

        using var later = portal.NewBrowser();
        var password = await later.SignInAsync(user.Email, AccountPortalFactory.Password);
        Assert.Equal("/account/login-2fa?returnUrl=%2F&rememberMe=False", password.RedirectPath);
        Assert.False(await later.IsSignedInAsync());
        var refused = await SubmitCodeAsync(later, password.RedirectPath!, AccountTotp.WrongCode(shownKey));
        Assert.True(refused.Has("login-2fa-error"));
        Assert.False(await later.IsSignedInAsync());

        var accepted = await SubmitCodeAsync(later, password.RedirectPath!, AccountTotp.Code(shownKey));
        Assert.Equal("/", accepted.RedirectPath);
        Assert.StartsWith("On", (await later.GetAsync("/account/manage")).TextOf("two-factor-status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var user = await portal.CreateUserAsync(PortalRoles.Admin);
        var (_, codes) = await portal.EnableTwoFactorAsync(user);
        using var browser = portal.NewBrowser();
        var password = await browser.SignInAsync(user.Email, AccountPortalFactory.Password);
        Assert.StartsWith("/account/login-2fa", password.RedirectPath, StringComparison.Ordinal);

        var twoFactorPage = await browser.GetAsync(password.RedirectPath!);
        Assert.Contains("account/login-recovery-code?returnUrl=%2F", twoFactorPage.Html, StringComparison.Ordinal);
        var wrong = await RedeemAsync(browser, "BCDFG-HJKMP");
        Assert.True(wrong.Has("recovery-error"));

        // Typed in lower case with a space, as people do.
        var redeemed = await RedeemAsync(browser, " " + codes[3].ToLowerInvariant() + " ");
        Assert.Equal("/", redeemed.RedirectPath);
        Assert.True(await browser.IsSignedInAsync());
        Assert.Equal(9, await portal.WithUsersAsync(async users => await users.CountRecoveryCodesAsync((await users.FindByIdAsync(user.Id))!)));
        Assert.Equal("Recovery codes left: 9", (await browser.GetAsync("/account/manage/two-factor")).TextOf("recovery-codes-left"));

        using var again = portal.NewBrowser();
        await again.SignInAsync(user.Email, AccountPortalFactory.Password);
        Assert.True((await RedeemAsync(again, codes[3])).Has("recovery-error"));
        Assert.False(await again.IsSignedInAsync());
    }

    [Fact]
    public async Task Code_pages_without_a_password_step_go_back_to_sign_in()
    {
        using var browser = portal.NewBrowser();

        Assert.Equal("/account/login", (await browser.GetAsync("/account/login-2fa?returnUrl=%2F")).RedirectPath);
        Assert.Equal("/account/login", (await browser.GetAsync("/account/login-recovery-code")).RedirectPath);
    }

    [Fact]
    public async Task Remembering_the_device_skips_the_code_at_the_next_sign_in()
    {
        var user = await portal.CreateUserAsync(PortalRoles.Reviewer);
        var (key, _) = await portal.EnableTwoFactorAsync(user);
        using var browser = portal.NewBrowser();
        var password = await browser.SignInAsync(user.Email, AccountPortalFactory.Password);
        var fields = new Dictionary<string, string> { ["Input.Code"] = AccountTotp.Code(key), ["Input.RememberMachine"] = "True" };
        Assert.Equal("/", (await browser.SubmitAsync(password.RedirectPath!, "login-2fa", fields)).RedirectPath);

        await browser.SignOutAsync();
        Assert.False(await browser.IsSignedInAsync());
        Assert.Equal("/", (await browser.SignInAsync(user.Email, AccountPortalFactory.Password)).RedirectPath);

        // Another browser still needs the code.
        using var other = portal.NewBrowser();
        Assert.StartsWith("/account/login-2fa", (await other.SignInAsync(user.Email, AccountPortalFactory.Password)).RedirectPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_two_factor_page_makes_new_recovery_codes_and_turns_two_factor_off()
    {
        var user = await portal.CreateUserAsync(PortalRoles.Reviewer);
        var (key, oldCodes) = await portal.EnableTwoFactorAsync(user);
        using var browser = portal.NewBrowser();
        var password = await browser.SignInAsync(user.Email, AccountPortalFactory.Password);
        await SubmitCodeAsync(browser, password.RedirectPath!, AccountTotp.Code(key));

        var page = await browser.GetAsync("/account/manage/two-factor");
        Assert.Equal("Recovery codes left: 10", page.TextOf("recovery-codes-left"));
        var fresh = await browser.SubmitAsync("/account/manage/two-factor", "new-recovery-codes");
        var newCodes = RecoveryCodes(fresh);
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));

        var off = await browser.SubmitAsync("/account/manage/two-factor", "disable-2fa");
        Assert.Contains("Two-factor sign-in is off", off.TextOf("two-factor-message"), StringComparison.Ordinal);
        Assert.False((await portal.FindUserAsync(user)).TwoFactorEnabled);
        Assert.True(await browser.IsSignedInAsync());
        using var next = portal.NewBrowser();
        Assert.Equal("/", (await next.SignInAsync(user.Email, AccountPortalFactory.Password)).RedirectPath);
    }

    [Fact]
    public async Task Resetting_the_authenticator_turns_two_factor_off_until_a_new_key_is_verified()
    {
        var user = await portal.CreateUserAsync(PortalRoles.Reviewer);
        var (oldKey, _) = await portal.EnableTwoFactorAsync(user);
        using var browser = portal.NewBrowser();
        var password = await browser.SignInAsync(user.Email, AccountPortalFactory.Password);
        await SubmitCodeAsync(browser, password.RedirectPath!, AccountTotp.Code(oldKey));

        var reset = await browser.SubmitAsync("/account/manage/two-factor", "reset-authenticator");

        Assert.Equal(EnablePage, reset.RedirectPath);
        var setup = await browser.GetAsync(EnablePage);
        var newKey = setup.TextOf("shared-key").Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotEqual(oldKey, newKey);
        Assert.False((await portal.FindUserAsync(user)).TwoFactorEnabled);
        Assert.True((await VerifyAsync(browser, AccountTotp.Code(oldKey))).Has("verify-error"));
        Assert.True((await VerifyAsync(browser, AccountTotp.Code(newKey))).Has("authenticator-enabled"));
    }

    private static Task<AccountResponse> VerifyAsync(AccountBrowser browser, string code) =>
        browser.SubmitAsync(EnablePage, "enable-authenticator", new Dictionary<string, string> { ["Input.Code"] = code });

    private static Task<AccountResponse> SubmitCodeAsync(AccountBrowser browser, string url, string code) =>
        browser.SubmitAsync(url, "login-2fa", new Dictionary<string, string> { ["Input.Code"] = code });

    private static Task<AccountResponse> RedeemAsync(AccountBrowser browser, string code) =>
        browser.SubmitAsync("/account/login-recovery-code?returnUrl=%2F", "login-recovery-code", new Dictionary<string, string> { ["Input.RecoveryCode"] = code });

    private static List<string> RecoveryCodes(AccountResponse page)
    {
        var list = Regex.Match(page.Html, "data-testid=\"recovery-codes\"[^>]*>(.*?)</ul>", RegexOptions.Singleline);
        Assert.True(list.Success, "No recovery codes on the page.");
        return Regex.Matches(list.Groups[1].Value, "<li>([^<]+)</li>").Select(m => m.Groups[1].Value.Trim()).ToList();
    }

    [GeneratedRegex("<img[^>]*src=\"(data:image/png;base64,[^\"]+)\"")]
    private static partial Regex QrSource();
}
