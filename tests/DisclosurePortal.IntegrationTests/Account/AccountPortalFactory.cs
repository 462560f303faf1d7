using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Account;

/// <summary>
/// The real portal on a throw-away SQLite file and pickup folder, for driving the account pages over HTTP.
/// Each test creates its own users, so tests sharing one factory do not disturb each other.
/// </summary>
public class AccountPortalFactory : WebApplicationFactory<Program>
{
    public const string Password = "Account-Test-2026!";

    /// <summary>Small, so lockout tests need few attempts (the options allow 3 to 20).</summary>
    public const int MaxFailedSignIns = 3;

    /// <summary>Differs from the test client's https://localhost, so tests can see which one links use.</summary>
    public const string PublicOrigin = "https://portal.account.test";

    private readonly string root = Path.Combine(Path.GetTempPath(), "dp-account-tests", Guid.NewGuid().ToString("N"));

    public string Outbox => Path.Combine(root, "outbox");

    protected virtual bool RequireTwoFactorForAdmins => false;

    /// <summary>High, so tests that post many forms are not slowed by the rate limit; its own test lowers it.</summary>
    protected virtual int FormPostsPerMinute => 10_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", Path.Combine(root, "data"));
        builder.UseSetting("Email:PickupDirectory", Outbox);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Accounts:MaxFailedSignIns", MaxFailedSignIns.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Accounts:RequireTwoFactorForAdmins", RequireTwoFactorForAdmins ? "true" : "false");
        builder.UseSetting("Accounts:PublicOrigin", PublicOrigin);
        builder.UseSetting("Accounts:FormPostsPerMinute", FormPostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A browser of its own: cookies kept, redirects returned to the test rather than followed.</summary>
    public AccountBrowser NewBrowser() =>
        new(CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost/"),
        }));

    public async Task<AccountTestUser> CreateUserAsync(string role, string label = "user")
    {
        var email = $"{label}-{Guid.NewGuid():N}@account.test";
        return await WithUsersAsync(async users =>
        {
            var user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = $"Test {label}",
                CreatedAt = DateTimeOffset.UtcNow,
            };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            return new AccountTestUser(user.Id, email);
        });
    }

    /// <summary>Runs against a fresh scope, so reads see what the pages wrote, not a cached entity.</summary>
    public async Task<T> WithUsersAsync<T>(Func<UserManager<PortalUser>, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>());
    }

    public Task<PortalUser> FindUserAsync(AccountTestUser user) =>
        WithUsersAsync(async users => await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("User is gone."));

    /// <summary>Turns on two-factor sign-in directly in the store; returns the shared key and recovery codes.</summary>
    public Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(AccountTestUser account) =>
        WithUsersAsync(async users =>
        {
            var user = await users.FindByIdAsync(account.Id) ?? throw new InvalidOperationException("User is gone.");
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
            return ((await users.GetAuthenticatorKeyAsync(user))!, (IReadOnlyList<string>)codes);
        });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            // Pooled SQLite connections keep the file open; release them before deleting the folder.
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}

/// <summary>The same portal with Accounts:RequireTwoFactorForAdmins turned on.</summary>
public sealed class AccountPortalFactoryRequiringAdminTwoFactor : AccountPortalFactory
{
    protected override bool RequireTwoFactorForAdmins => true;
}

public sealed record AccountTestUser(string Id, string Email);

/// <summary>The portal with a rate limit small enough to reach in a test.</summary>
public sealed class AccountPortalFactoryWithLowRateLimit : AccountPortalFactory
{
    public const int Limit = 3;

    protected override int FormPostsPerMinute => Limit;
}
