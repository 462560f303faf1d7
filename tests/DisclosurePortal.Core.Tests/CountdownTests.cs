using DisclosurePortal.Core.Deadlines;

namespace DisclosurePortal.Core.Tests;

public class CountdownTests
{
    private static readonly DateTimeOffset Due = new(2026, 12, 16, 17, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(21 * 24, DeadlineUrgency.OnTrack)]
    [InlineData(7 * 24, DeadlineUrgency.OnTrack)]
    [InlineData(7 * 24 - 1, DeadlineUrgency.DueSoon)]
    [InlineData(48, DeadlineUrgency.DueSoon)]
    [InlineData(47, DeadlineUrgency.Urgent)]
    [InlineData(0, DeadlineUrgency.Overdue)]
    [InlineData(-5, DeadlineUrgency.Overdue)]
    public void Urgency_follows_the_time_left(int hoursLeft, DeadlineUrgency urgency)
    {
        Assert.Equal(urgency, Countdown.Until(Due, Due.AddHours(-hoursLeft)).Urgency);
    }

    [Fact]
    public void Describes_days_hours_and_minutes()
    {
        var now = Due - new TimeSpan(20, 4, 12, 30);
        Assert.Equal("20 d 04 h 12 m", Countdown.Until(Due, now).Describe());
    }

    [Fact]
    public void Shows_seconds_in_the_last_day()
    {
        var now = Due - new TimeSpan(0, 5, 3, 9);
        Assert.Equal("5 h 03 m 09 s", Countdown.Until(Due, now).Describe());
    }

    [Fact]
    public void Says_overdue_after_the_deadline()
    {
        var now = Due + new TimeSpan(2, 1, 0, 0);
        var countdown = Countdown.Until(Due, now);
        Assert.True(countdown.IsOverdue);
        Assert.Equal("overdue by 2 d 01 h 00 m", countdown.Describe());
    }
}
