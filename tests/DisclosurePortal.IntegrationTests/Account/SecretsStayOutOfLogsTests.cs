using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using System.Web;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Email;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Invitations;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace DisclosurePortal.IntegrationTests.Account;

/// <summary>The real portal with every log line kept, at every level, from every category.</summary>
public sealed class FullyLoggedPortal : AccountPortalFactory
{
    public CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Trace");
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Log));
    }
}

/// <summary>
/// An invitation accepted and a password reset, run end to end through the portal: at no level does any log line
/// hold the invitation token, its link, the reset code or either password.
/// </summary>
public sealed partial class SecretsStayOutOfLogsTests(FullyLoggedPortal portal) : IClassFixture<FullyLoggedPortal>
{
    private const string FirstPassword = "First-Secret-Pass-4821";
    private const string SecondPassword = "Second-Secret-Pass-7390";

    [Fact]
    public async Task An_invitation_and_a_password_reset_leave_no_token_code_or_password_in_any_log_line()
    {
        var email = $"invited-{TestData.Token()}@logged.example";
        var companyId = await CompanyAsync();
        await InviteAsync(companyId, email);

        var invitation = await NextMessageToAsync(email, m => m.Subject?.Contains("Disclosure Portal", StringComparison.Ordinal) == true);
        var link = InvitationLink().Match(invitation.TextBody ?? string.Empty).Value;
        var token = link[(link.LastIndexOf('/') + 1)..];
        Assert.True(token.Length >= 40, "a 256-bit token");

        using var browser = portal.NewBrowser();
        var path = new Uri(link).PathAndQuery;
        var accepted = await browser.SubmitAsync(path, "accept-invitation", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Logged Person",
            ["Input.Password"] = FirstPassword,
            ["Input.ConfirmPassword"] = FirstPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        Assert.True(await browser.IsSignedInAsync());
        Assert.True((await browser.GetAsync(path)).Has("invitation-unusable"));
        await browser.SignOutAsync();

        await browser.SubmitAsync("/account/forgot-password", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var resetLink = AccountOutbox.ResetLink(await NextMessageToAsync(email, m => m.Subject?.Contains("Reset", StringComparison.Ordinal) == true));
        var code = HttpUtility.ParseQueryString(new Uri(new Uri("https://localhost"), resetLink).Query)["code"]!;
        Assert.Equal("/account/reset-password-confirmation", (await browser.ResetPasswordAsync(resetLink, SecondPassword, SecondPassword)).RedirectPath);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, SecondPassword)).Status);

        var lines = portal.Log.Lines;
        Assert.True(lines.Count > 100, $"only {lines.Count} log lines were captured: the test would prove nothing");
        Assert.Contains(lines, l => l.Message.Contains("Invitation", StringComparison.Ordinal) && l.Message.Contains("accepted", StringComparison.Ordinal));
        var secrets = new[] { token, Uri.EscapeDataString(token), link, code, AccountEmailLinksDecode(code), FirstPassword, SecondPassword };
        foreach (var line in lines)
        {
            var text = line.Message + " " + line.Exception;
            Assert.False(secrets.Any(secret => text.Contains(secret, StringComparison.Ordinal)), $"[{line.Category} {line.Level}] {text}");
        }
    }

    private static string AccountEmailLinksDecode(string code) => DisclosurePortal.Web.Features.Account.AccountEmailLinks.DecodeToken(code) ?? code;

    private async Task<int> CompanyAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return (await TestData.CreateTwoCompaniesAsync(db)).A.Id;
    }

    /// <summary>An admin queues the invitation as the company page does; the portal's own background sender sends it.</summary>
    private async Task InviteAsync(int companyId, string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, "logged-admin"), new(ClaimTypes.Role, PortalRoles.Admin)], "Test"));
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(admin)));
        Assert.True((await scope.ServiceProvider.GetRequiredService<InvitationService>().InviteAsync(companyId, email)).Sent);
    }

    /// <summary>Waits (bounded, as a guard against a hang) for the background sender's message in the pickup folder.</summary>
    private async Task<MimeMessage> NextMessageToAsync(string email, Func<MimeMessage, bool> which)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if ((await AccountOutbox.MessagesToAsync(portal.Outbox, email)).FirstOrDefault(which) is { } message)
            {
                return message;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No message to {email} arrived in {portal.Outbox}.");
    }

    [GeneratedRegex(@"https?://\S+/invitation/[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();
}
