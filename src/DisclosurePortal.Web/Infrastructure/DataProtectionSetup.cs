using Microsoft.AspNetCore.DataProtection;

namespace DisclosurePortal.Web.Infrastructure;

public static class DataProtectionSetup
{
    /// <summary>
    /// Keeps the keys that protect sign-in cookies and antiforgery tokens in the data folder, so a restart
    /// does not sign everyone out. Production should add key encryption (certificate or key vault).
    /// </summary>
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var dataDirectory = Path.GetFullPath(configuration["Storage:DataDirectory"] ?? "App_Data", contentRoot);
        services.AddDataProtection()
            .SetApplicationName("DisclosurePortal")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        return services;
    }
}
