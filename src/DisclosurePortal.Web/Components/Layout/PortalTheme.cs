using MudBlazor;

namespace DisclosurePortal.Web.Components.Layout;

internal static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3B2F8F",
            Secondary = "#C2410C",
            Tertiary = "#0F766E",
            AppbarBackground = "#1E1B4B",
            AppbarText = "#FFFFFF",
            Background = "#F7F7FB",
            DrawerBackground = "#FFFFFF",
            Success = "#15803D",
            Warning = "#B45309",
            Error = "#B91C1C",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "248px" },
    };
}
