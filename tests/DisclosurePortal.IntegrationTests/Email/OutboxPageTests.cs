using System.Net;
using System.Text.RegularExpressions;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Account;

namespace DisclosurePortal.IntegrationTests.Email;

public sealed partial class OutboxPageTests(AccountPortalFactory portal) : IClassFixture<AccountPortalFactory>
{
    [Fact]
    public async Task An_admin_sees_the_pickup_folder_newest_first_and_reads_a_message()
    {
        var first = await portal.CreateUserAsync(PortalRoles.Reviewer, "outbox-first");
        var second = await portal.CreateUserAsync(PortalRoles.Reviewer, "outbox-second");
        var admin = await portal.CreateUserAsync(PortalRoles.Admin, "outbox-admin");
        using var browser = portal.NewBrowser();
        await RequestResetAsync(browser, first.Email);
        await RequestResetAsync(browser, second.Email);
        Assert.Equal("/", (await browser.SignInAsync(admin.Email, AccountPortalFactory.Password)).RedirectPath);

        var list = await browser.GetAsync("/admin/outbox");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        var listText = list.TextOf("outbox-list");
        Assert.Contains("Reset your Disclosure Portal password", listText, StringComparison.Ordinal);
        Assert.True(listText.IndexOf(second.Email, StringComparison.Ordinal) < listText.IndexOf(first.Email, StringComparison.Ordinal), "Newest first.");
        Assert.False(list.Has("outbox-message"));

        var href = MessageLinks().Matches(list.Html).Select(m => WebUtility.HtmlDecode(Href().Match(m.Value).Groups[1].Value)).First();
        var shown = await browser.GetAsync(new Uri(new Uri("https://localhost/"), href).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.Equal($"To: {second.Email}", shown.TextOf("outbox-message-to"));
        Assert.Contains("/account/reset-password?userId=", shown.TextOf("outbox-message-body"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../appsettings.json")]
    [InlineData("/etc/passwd")]
    [InlineData("nothing-here.eml")]
    public async Task A_file_name_not_in_the_folder_listing_opens_nothing(string name)
    {
        var admin = await portal.CreateUserAsync(PortalRoles.Admin, "outbox-admin");
        using var browser = portal.NewBrowser();
        await browser.SignInAsync(admin.Email, AccountPortalFactory.Password);

        var page = await browser.GetAsync($"/admin/outbox?message={Uri.EscapeDataString(name)}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.Has("outbox-message-missing"));
        Assert.False(page.Has("outbox-message-body"));
    }

    [Fact]
    public async Task A_reviewer_is_refused()
    {
        var reviewer = await portal.CreateUserAsync(PortalRoles.Reviewer, "outbox-reviewer");
        using var browser = portal.NewBrowser();
        await browser.SignInAsync(reviewer.Email, AccountPortalFactory.Password);

        var response = await browser.GetAsync("/admin/outbox");

        Assert.False(response.Has("outbox-list"), $"A reviewer got {(int)response.Status} with the list.");
        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Contains("This page is not part of your role", response.Html, StringComparison.Ordinal);
    }

    private static Task<AccountResponse> RequestResetAsync(AccountBrowser browser, string email) =>
        browser.SubmitAsync("/account/forgot-password", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

    [GeneratedRegex("<a\\b[^>]*data-testid=\"outbox-message-link\"[^>]*>")]
    private static partial Regex MessageLinks();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
