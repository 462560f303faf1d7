using DisclosurePortal.Core.Deadlines;

namespace DisclosurePortal.Core.Tests;

public class ReminderScheduleTests
{
    private static readonly DateTimeOffset Due = new(2026, 12, 16, 17, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("7,3,1", new[] { 7, 3, 1 })]
    [InlineData(" 1; 3  7 3 ", new[] { 7, 3, 1 })]
    [InlineData("", new int[0])]
    public void Parses_the_days_largest_first(string text, int[] days)
    {
        Assert.True(ReminderSchedule.TryParse(text, out var parsed, out _));
        Assert.Equal(days, parsed);
        Assert.Equal(string.Join(',', days), ReminderSchedule.Format(parsed));
    }

    [Theory]
    [InlineData("0", "'0' is not a number of days from 1 to 90.")]
    [InlineData("7,x", "'x' is not a number of days from 1 to 90.")]
    [InlineData("1,2,3,4,5,6,7", "At most 6 reminders before the deadline.")]
    public void Refuses_what_is_not_a_list_of_days(string text, string problem)
    {
        Assert.False(ReminderSchedule.TryParse(text, out _, out var why));
        Assert.Equal(problem, why);
    }

    [Fact]
    public void Steps_are_reached_as_their_moments_pass_and_the_overdue_notice_after_the_due_time()
    {
        int[] days = [7, 3, 1];
        Assert.Empty(ReminderSchedule.Reached(Due, Due.AddDays(-7).AddSeconds(-1), days));
        Assert.Equal([ReminderStep.Before(7)], ReminderSchedule.Reached(Due, Due.AddDays(-7), days));
        Assert.Equal([ReminderStep.Before(7), ReminderStep.Before(3)], ReminderSchedule.Reached(Due, Due.AddDays(-2), days));
        Assert.Equal([ReminderStep.Before(7), ReminderStep.Before(3), ReminderStep.Before(1)], ReminderSchedule.Reached(Due, Due.AddSeconds(-1), days));
        Assert.Equal([ReminderStep.Before(7), ReminderStep.Before(3), ReminderStep.Before(1), ReminderStep.Overdue], ReminderSchedule.Reached(Due, Due, days));
        Assert.Equal([ReminderStep.Overdue], ReminderSchedule.Reached(Due, Due.AddDays(30), []));
    }
}
