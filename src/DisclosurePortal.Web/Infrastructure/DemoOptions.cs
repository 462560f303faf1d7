namespace DisclosurePortal.Web.Infrastructure;

/// <summary>Configuration section "Demo": seed and announce demo data on an empty database.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }
}
