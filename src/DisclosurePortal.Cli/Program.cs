namespace DisclosurePortal.Cli;

/// <summary>
/// Placeholder entry point: no branch has the `portal` tool's code yet, and without a Main the projects that
/// reference this one (the integration tests) cannot build. Replace it with the real CLI. It is a named class
/// in a namespace, not top-level statements: those would declare a global Program that clashes with the web
/// app's Program in any project referencing both.
/// </summary>
internal static class Program
{
    private static int Main()
    {
        Console.Error.WriteLine("The portal command-line tool is not built yet.");
        return 1;
    }
}
