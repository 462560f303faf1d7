using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Components;

namespace DisclosurePortal.Web.Features.Account.Pages.Manage;

/// <summary>Status and actions for the signed-in user's own two-factor sign-in.</summary>
public partial class TwoFactor
{
    private PortalUser? user;
    private bool enabled, machineRemembered, mustKeepOn;
    private int codesLeft;
    private string? message;
    private IReadOnlyList<string>? newCodes;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        user = await Account.LoadAsync(HttpContext.User);
        mustKeepOn = Account.MustUseTwoFactor(HttpContext.User);
        await LoadStatusAsync();
    }

    private async Task LoadStatusAsync()
    {
        if (user is null)
        {
            return;
        }

        enabled = await Users.GetTwoFactorEnabledAsync(user);
        codesLeft = await Users.CountRecoveryCodesAsync(user);
        machineRemembered = await SignIn.IsTwoFactorClientRememberedAsync(user);
    }

    private async Task MakeRecoveryCodesAsync()
    {
        if (user is null || !enabled)
        {
            return;
        }

        newCodes = (await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        Logger.LogInformation("User {UserId} made new recovery codes", user.Id);
        await LoadStatusAsync();
    }

    private async Task ForgetDeviceAsync()
    {
        await SignIn.ForgetTwoFactorClientAsync();
        machineRemembered = false;
        message = "This device will ask for a code at the next sign-in.";
    }

    private async Task ResetAuthenticatorAsync()
    {
        if (user is null)
        {
            return;
        }

        // Off until the new key is verified, so nobody is left with a key they never scanned.
        await Users.SetTwoFactorEnabledAsync(user, false);
        await Users.ResetAuthenticatorKeyAsync(user);
        await SignIn.RefreshSignInAsync(user);
        Logger.LogInformation("User {UserId} reset their authenticator key", user.Id);
        Navigation.NavigateTo("/account/manage/enable-authenticator");
    }

    private async Task DisableAsync()
    {
        if (user is null || mustKeepOn)
        {
            return;
        }

        await Users.SetTwoFactorEnabledAsync(user, false);
        await SignIn.RefreshSignInAsync(user);
        Logger.LogInformation("User {UserId} turned off two-factor sign-in", user.Id);
        message = "Two-factor sign-in is off. You can set it up again at any time.";
        await LoadStatusAsync();
    }
}
