using System.Net;
using System.Text.RegularExpressions;

namespace DisclosurePortal.IntegrationTests.Account;

/// <summary>
/// Drives the static account pages the way a browser without JavaScript does: GET the page, take the form's
/// antiforgery token and post the fields under the names Blazor rendered (_handler = the form's FormName).
/// </summary>
public sealed partial class AccountBrowser(HttpClient client) : IDisposable
{
    public async Task<AccountResponse> GetAsync(string url) => await AccountResponse.ReadAsync(await client.GetAsync(url));

    /// <summary>GETs <paramref name="url"/>, then posts the form named <paramref name="formName"/> back to it.</summary>
    public async Task<AccountResponse> SubmitAsync(string url, string formName, IReadOnlyDictionary<string, string>? fields = null)
    {
        var page = await GetAsync(url);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {url} gave {(int)page.Status} {page.Location}");
        return await PostFormAsync(url, formName, page.FormToken(formName), fields);
    }

    public async Task<AccountResponse> PostFormAsync(string url, string? formName, string token, IReadOnlyDictionary<string, string>? fields = null)
    {
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        if (formName is not null)
        {
            values.Add(new("_handler", formName));
        }

        values.AddRange(fields ?? new Dictionary<string, string>());
        using var content = new FormUrlEncodedContent(values);
        return await AccountResponse.ReadAsync(await client.PostAsync(url, content));
    }

    public async Task<AccountResponse> SignInAsync(string email, string password, bool rememberMe = false)
    {
        var fields = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password };
        if (rememberMe)
        {
            fields["Input.RememberMe"] = "True";
        }

        return await SubmitAsync("/account/login", "login", fields);
    }

    /// <summary>Opens a reset link and posts a new password with the hidden user id and code exactly as the page rendered them.</summary>
    public async Task<AccountResponse> ResetPasswordAsync(string link, string password, string confirm)
    {
        var page = await GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        if (page.Has("reset-link-invalid"))
        {
            return page;
        }

        var fields = new Dictionary<string, string>
        {
            ["Input.UserId"] = page.HiddenValue("Input.UserId"),
            ["Input.Code"] = page.HiddenValue("Input.Code"),
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm,
        };
        return await PostFormAsync(link, "reset-password", page.FormToken("reset-password"), fields);
    }

    /// <summary>Whether this browser's cookie opens a signed-in page.</summary>
    public async Task<bool> IsSignedInAsync() => (await GetAsync("/account/manage")).Status == HttpStatusCode.OK;

    public async Task SignOutAsync()
    {
        var page = await GetAsync("/account/manage");
        var response = await PostFormAsync("/account/logout", null, page.FirstToken());
        Assert.Equal(HttpStatusCode.Redirect, response.Status);
    }

    public void Dispose() => client.Dispose();
}

public sealed partial record AccountResponse(HttpStatusCode Status, string Html, string? Location, IReadOnlyList<string> SetCookies)
{
    /// <summary>The redirect target as a local path and query, whether the server sent it absolute or not.</summary>
    public string? RedirectPath => Location is null ? null : new Uri(new Uri("https://localhost/"), Location).PathAndQuery;

    public static async Task<AccountResponse> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
            return new AccountResponse(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString, cookies);
        }
    }

    public bool Has(string testId) => Html.Contains($"data-testid=\"{testId}\"", StringComparison.Ordinal);

    /// <summary>The visible text of the element marked data-testid: tags removed, entities decoded, spaces collapsed.</summary>
    public string TextOf(string testId)
    {
        var match = Regex.Match(Html, $"<(\\w+)[^>]*data-testid=\"{Regex.Escape(testId)}\"[^>]*>(.*?)</\\1>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No element with data-testid=\"{testId}\" in the page.");
        return Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(match.Groups[2].Value, " ")), " ").Trim();
    }

    public string FormToken(string formName)
    {
        foreach (Match form in Forms().Matches(Html))
        {
            if (form.Value.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal))
            {
                return TokenIn(form.Value) ?? throw new InvalidOperationException($"Form '{formName}' has no antiforgery token.");
            }
        }

        throw new InvalidOperationException($"No form named '{formName}' in the page.");
    }

    public string HiddenValue(string name)
    {
        var match = Regex.Match(Html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
        Assert.True(match.Success, $"No field {name}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public string FirstToken() => TokenIn(Html) ?? throw new InvalidOperationException("No antiforgery token in the page.");

    private static string? TokenIn(string html)
    {
        var match = Token().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
