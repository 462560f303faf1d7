using System.Net;
using DisclosurePortal.Data.Entities;

namespace DisclosurePortal.IntegrationTests.Account;

/// <summary>Accounts:RequireTwoFactorForAdmins = true.</summary>
public sealed class AccountAdminTwoFactorRequirementTests(AccountPortalFactoryRequiringAdminTwoFactor portal)
    : IClassFixture<AccountPortalFactoryRequiringAdminTwoFactor>
{
    private const string SetupPage = "/account/manage/enable-authenticator";

    [Theory]
    [InlineData("/")]
    [InlineData("/requests")]
    [InlineData("/review")]
    [InlineData("/admin/users")]
    public async Task An_admin_without_two_factor_is_sent_to_set_it_up(string path)
    {
        var admin = await portal.CreateUserAsync(PortalRoles.Admin, "admin");
        using var browser = portal.NewBrowser();
        Assert.Equal("/", (await browser.SignInAsync(admin.Email, AccountPortalFactory.Password)).RedirectPath);

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal(SetupPage, response.RedirectPath);
    }

    [Fact]
    public async Task Account_pages_static_files_and_health_stay_reachable_and_the_setup_page_says_why()
    {
        var admin = await portal.CreateUserAsync(PortalRoles.Admin, "admin");
        using var browser = portal.NewBrowser();
        await browser.SignInAsync(admin.Email, AccountPortalFactory.Password);

        foreach (var path in new[] { "/account/manage", "/account/manage/two-factor", "/assets/css/portal.css", "/health" })
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path)).Status);
        }

        var setup = await browser.GetAsync(SetupPage);
        Assert.Equal(HttpStatusCode.OK, setup.Status);
        Assert.Contains("requires them to sign in with an authenticator app", setup.TextOf("two-factor-required"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_setting_up_the_app_the_admin_reaches_the_portal_and_cannot_turn_two_factor_off()
    {
        var admin = await portal.CreateUserAsync(PortalRoles.Admin, "admin");
        using var browser = portal.NewBrowser();
        await browser.SignInAsync(admin.Email, AccountPortalFactory.Password);
        var key = (await browser.GetAsync(SetupPage)).TextOf("shared-key");

        var enabled = await browser.SubmitAsync(SetupPage, "enable-authenticator", new Dictionary<string, string> { ["Input.Code"] = AccountTotp.Code(key) });

        Assert.True(enabled.Has("authenticator-enabled"));
        Assert.False(enabled.Has("two-factor-required"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).Status);
        var twoFactor = await browser.GetAsync("/account/manage/two-factor");
        Assert.Contains("Admins must keep two-factor sign-in on.", twoFactor.Html, StringComparison.Ordinal);
        Assert.False(twoFactor.Has("disable-2fa"));
    }

    [Fact]
    public async Task Other_roles_are_not_redirected()
    {
        var reviewer = await portal.CreateUserAsync(PortalRoles.Reviewer, "reviewer");
        using var browser = portal.NewBrowser();
        await browser.SignInAsync(reviewer.Email, AccountPortalFactory.Password);

        var home = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.False((await browser.GetAsync(SetupPage)).Has("two-factor-required"));
    }
}

/// <summary>The default configuration (Accounts:RequireTwoFactorForAdmins = false).</summary>
public sealed class AccountAdminTwoFactorOptionalTests(AccountPortalFactory portal) : IClassFixture<AccountPortalFactory>
{
    [Fact]
    public async Task Without_the_setting_an_admin_without_two_factor_uses_the_portal()
    {
        var admin = await portal.CreateUserAsync(PortalRoles.Admin, "admin");
        using var browser = portal.NewBrowser();
        await browser.SignInAsync(admin.Email, AccountPortalFactory.Password);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).Status);
        Assert.False((await browser.GetAsync("/account/manage/enable-authenticator")).Has("two-factor-required"));
    }
}
