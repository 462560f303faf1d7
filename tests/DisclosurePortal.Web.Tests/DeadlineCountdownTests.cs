using Bunit;
using DisclosurePortal.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace DisclosurePortal.Web.Tests;

public class DeadlineCountdownTests : BunitContext
{
    private static readonly DateTimeOffset Due = new(2026, 12, 16, 17, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Due.AddDays(-21));

    public DeadlineCountdownTests()
    {
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(clock);
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private IRenderedComponent<DeadlineCountdown> RenderCountdown() =>
        Render<DeadlineCountdown>(p => p.Add(c => c.DueAt, Due).Add(c => c.ShowDueDate, true));

    [Fact]
    public void Shows_the_time_left_and_the_due_date_in_utc()
    {
        var cut = RenderCountdown();
        Assert.Equal("21 d 00 h 00 m", cut.Find("[data-testid=countdown] > span").TextContent);
        Assert.Equal("OnTrack", cut.Find("[data-testid=countdown]").GetAttribute("data-urgency"));
        Assert.Contains("Wed 16 Dec 2026, 17:00 UTC", cut.Find(".countdown-due").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Ticks_live_as_time_passes()
    {
        var cut = RenderCountdown();
        clock.Advance(TimeSpan.FromMinutes(61));
        cut.WaitForAssertion(() => Assert.Equal("20 d 22 h 59 m", cut.Find("[data-testid=countdown] > span").TextContent));
    }

    [Theory]
    [InlineData(6, "DueSoon", "countdown-duesoon")]
    [InlineData(1, "Urgent", "countdown-urgent")]
    public void Changes_colour_as_the_deadline_nears(int daysLeft, string urgency, string cssClass)
    {
        var cut = RenderCountdown();
        clock.SetUtcNow(Due.AddDays(-daysLeft));
        cut.WaitForAssertion(() =>
        {
            var element = cut.Find("[data-testid=countdown]");
            Assert.Equal(urgency, element.GetAttribute("data-urgency"));
            Assert.Contains(cssClass, element.ClassList);
        });
    }

    [Fact]
    public void Turns_overdue_after_the_deadline()
    {
        var cut = RenderCountdown();
        clock.SetUtcNow(Due.AddMinutes(90));
        cut.WaitForAssertion(() =>
        {
            Assert.Equal("Overdue", cut.Find("[data-testid=countdown]").GetAttribute("data-urgency"));
            Assert.StartsWith("overdue by 1 h 30 m", cut.Find("[data-testid=countdown] > span").TextContent, StringComparison.Ordinal);
        });
    }
}
