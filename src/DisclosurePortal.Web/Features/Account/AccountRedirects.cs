using Microsoft.AspNetCore.Components;

namespace DisclosurePortal.Web.Features.Account;

/// <summary>Redirects from the static account pages, only ever to addresses inside the portal.</summary>
public sealed class AccountRedirects(NavigationManager navigation)
{
    public void To(string? uri, bool forceLoad = false)
    {
        navigation.NavigateTo(IsLocal(uri) ? uri! : "/", forceLoad);
    }

    /// <summary>A relative path on this site: "/x" but not "//host" or "/\host", which browsers treat as another site.</summary>
    public static bool IsLocal(string? uri) =>
        !string.IsNullOrEmpty(uri) && uri[0] == '/' && (uri.Length == 1 || (uri[1] != '/' && uri[1] != '\\'));
}
