using System.Diagnostics;

namespace DisclosurePortal.IntegrationTests.Infrastructure;

/// <summary>A bounded wait for something another thread does (a lease renewed on a timer): never a sleep of a guessed length.</summary>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Limit, $"Waited {Limit.TotalSeconds:N0} s for {what}.");
            await Task.Delay(20);
        }
    }
}
