using DisclosurePortal.E2E.Infrastructure;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosurePortal.E2E;

/// <summary>Who may open what: sign-in required, pages of other roles refused, wrong passwords told.</summary>
public sealed class NavigationTests(PortalFixture portal) : BrowserTest(portal)
{
    [Theory]
    [InlineData("/requests")]
    [InlineData("/review")]
    public Task Respondent_opening_a_staff_page_by_its_address_is_refused_without_the_data(string path) =>
        RunAsync($"{nameof(Respondent_opening_a_staff_page_by_its_address_is_refused_without_the_data)}-{path.Trim('/')}", async sessions =>
        {
            var page = await sessions.NewPageAsync("respondent");
            await page.SignInAsync(DemoAccounts.NorthwindRespondent);

            // Typed or bookmarked: the server's authorization refuses the page before Blazor renders it (403 at that
            // address), and the role notice says so in the same words as the in-app one.
            var response = await page.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            await Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(path)}$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This page is not part of your role" })).ToBeVisibleAsync();
            await ExpectNoStaffDataAsync(page);

            await page.GetByRole(AriaRole.Link, new() { Name = "Go to your home page" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = DemoAccounts.Northwind, Level = 1 })).ToBeVisibleAsync();
        });

    [Theory]
    [InlineData("/requests")]
    [InlineData("/review")]
    public Task Respondent_navigating_in_the_app_to_a_staff_page_gets_the_role_notice_not_the_data(string path) =>
        RunAsync($"{nameof(Respondent_navigating_in_the_app_to_a_staff_page_gets_the_role_notice_not_the_data)}-{path.Trim('/')}", async sessions =>
        {
            var page = await sessions.NewPageAsync("respondent");
            await page.SignInAsync(DemoAccounts.NorthwindRespondent);
            await page.GetByRole(AriaRole.Link, new() { Name = "Work lists" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Work lists", Level = 1 })).ToBeVisibleAsync();
            // The circuit is live once the upload input is wired to it; from here on the app routes in the browser.
            await page.WaitForUploadInputAsync();

            await page.EvaluateAsync("path => Blazor.navigateTo(path)", path);
            await Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(path)}$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This page is not part of your role" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go to your home page" })).ToBeVisibleAsync();
            await ExpectNoStaffDataAsync(page);
        });

    [Fact]
    public Task A_link_clicked_before_the_circuit_has_rendered_opens_the_page_it_names() =>
        RunAsync(nameof(A_link_clicked_before_the_circuit_has_rendered_opens_the_page_it_names), async sessions =>
        {
            var page = await sessions.NewPageAsync("respondent");
            // Let the circuit start but hold back the server's answers, so the click surely lands in the moment
            // between the prerendered page and the circuit's first render (a slow network or a busy server).
            await using var circuit = await HeldCircuit.RouteAsync(page);
            await page.SignInAsync(DemoAccounts.NorthwindRespondent, waitForCircuit: false);
            await circuit.Started.WaitAsync(TimeSpan.FromSeconds(30));

            await page.GetByRole(AriaRole.Link, new() { Name = "Upload a work list" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/response$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Work lists", Level = 1 })).ToBeVisibleAsync();

            circuit.Release();
            await page.WaitForUploadInputAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Work lists", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = DemoAccounts.Northwind, Level = 1 })).ToHaveCountAsync(0);
            await Expect(page).ToHaveURLAsync(new Regex("/response$"));
        });

    [Fact]
    public Task Anonymous_visit_to_home_redirects_to_sign_in() => RunAsync(nameof(Anonymous_visit_to_home_redirects_to_sign_in), async sessions =>
    {
        var page = await sessions.NewPageAsync("anonymous");
        await page.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(new Regex(@"/account/login(\?|$)"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(page.Locator("#email")).ToBeVisibleAsync();
        await Expect(page.ByTestId("sign-out")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Wrong_password_shows_the_error_and_stays_signed_out() => RunAsync(nameof(Wrong_password_shows_the_error_and_stays_signed_out), async sessions =>
    {
        var page = await sessions.NewPageAsync("reviewer");
        await page.SubmitSignInAsync(DemoAccounts.Reviewer, "Not-The-Password-1");

        await Expect(page.ByTestId("login-error")).ToBeVisibleAsync();
        await Expect(page.ByTestId("login-error")).ToHaveTextAsync("The e-mail or password is not right.");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await Expect(page.ByTestId("sign-out")).ToHaveCountAsync(0);

        // Still signed out: the home page sends the visitor back to the sign-in form.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex(@"/account/login(\?|$)"));
    });

    private static async Task ExpectNoStaffDataAsync(IPage page)
    {
        await Expect(page.ByTestId("company-board")).ToHaveCountAsync(0);
        await Expect(page.GetByText(DemoAccounts.Tessellate)).ToHaveCountAsync(0);
        await Expect(page.GetByText("Works listed")).ToHaveCountAsync(0);
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }
}
