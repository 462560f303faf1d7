namespace DisclosurePortal.E2E.Infrastructure;

/// <summary>The sign-ins the portal seeds in demo mode (DemoSeeder), and the companies' names.</summary>
internal static class DemoAccounts
{
    public const string Password = "Demo-Portal-2026!";
    public const string Admin = "admin@demo.disclosure.test";
    public const string Reviewer = "reviewer@demo.disclosure.test";
    public const string NorthwindRespondent = "respondent@northwind-ai.demo.test";
    public const string TessellateRespondent = "respondent@tessellate.demo.test";
    public const string Northwind = "Northwind AI (demo)";
    public const string Tessellate = "Tessellate Labs (demo)";

    /// <summary>The demo catalog's size and seed (DemoSeeder.CatalogSize, SyntheticCatalog's default seed).</summary>
    public const int CatalogSize = 3000;
}
