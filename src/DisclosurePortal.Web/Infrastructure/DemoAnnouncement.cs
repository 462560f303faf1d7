using DisclosurePortal.Data.Demo;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>Tells the person who ran the portal where it is and how to sign in to the demo.</summary>
internal static class DemoAnnouncement
{
    public static void Print(ICollection<string> urls)
    {
        var url = urls.FirstOrDefault() ?? "http://localhost:5080";
        Console.WriteLine();
        Console.WriteLine("  ==============================================================");
        Console.WriteLine("   Disclosure Portal — DEMO DATA (synthetic, not real)");
        Console.WriteLine($"   Open {url}");
        Console.WriteLine();
        foreach (var line in DemoSeeder.SignInLines())
        {
            Console.WriteLine($"   {line}");
        }

        Console.WriteLine("  ==============================================================");
        Console.WriteLine();
    }
}
