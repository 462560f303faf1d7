using DisclosurePortal.Core.Deadlines;
using Microsoft.Extensions.Time.Testing;

namespace DisclosurePortal.Core.Tests;

/// <summary>When a company may ask for more time and what an admin may grant, on a clock the test moves.</summary>
public class ExtensionRulesTests
{
    private static readonly DateTimeOffset Due = new(2026, 4, 1, 17, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_chosen_day_keeps_the_time_of_day_of_the_current_due_time()
    {
        Assert.Equal(new DateTimeOffset(2026, 4, 15, 17, 0, 0, TimeSpan.Zero), ExtensionRules.DueOn(new DateOnly(2026, 4, 15), Due));
    }

    [Fact]
    public void A_request_with_a_reason_and_a_later_date_is_accepted()
    {
        var wished = ExtensionRules.DueOn(new DateOnly(2026, 4, 15), Due);

        Assert.Empty(ExtensionRules.CheckRequest("Our dataset audit finishes on 10 April.", wished, Due, clock.GetUtcNow(), hasPendingRequest: false));
    }

    [Fact]
    public void A_request_needs_a_reason_a_date_after_the_current_due_time_and_no_open_request()
    {
        var now = clock.GetUtcNow();

        Assert.Equal(["Say why you need more time."], ExtensionRules.CheckRequest("  ", Due.AddDays(5), Due, now, false));
        Assert.Equal(["Choose the date you would like to answer by."], ExtensionRules.CheckRequest("audit", null, Due, now, false));
        Assert.Equal(["The new date must be after the current due time (1 Apr 2026 17:00 UTC)."], ExtensionRules.CheckRequest("audit", Due, Due, now, false));
        Assert.Equal(["An extension can add at most 365 days."], ExtensionRules.CheckRequest("audit", Due.AddDays(366), Due, now, false));
        Assert.Contains(ExtensionRules.CheckRequest("audit", Due.AddDays(5), Due, now, true), p => p.StartsWith("You have already asked", StringComparison.Ordinal));
        Assert.Equal(["Keep the reason under 2,000 characters."], ExtensionRules.CheckRequest(new string('r', 2001), Due.AddDays(5), Due, now, false));
    }

    [Fact]
    public void After_the_deadline_the_new_date_must_also_lie_in_the_future()
    {
        // The company is overdue by ten days and asks for a date that is after its due time but already past.
        clock.SetUtcNow(Due.AddDays(10));

        Assert.Equal(["The new date must be in the future."], ExtensionRules.CheckRequest("late audit", Due.AddDays(3), Due, clock.GetUtcNow(), false));
        Assert.Empty(ExtensionRules.CheckRequest("late audit", Due.AddDays(12), Due, clock.GetUtcNow(), false));
        Assert.Equal(["The new date must be in the future."], ExtensionRules.CheckGrant(Due.AddDays(3), null, Due, clock.GetUtcNow()));
    }

    [Fact]
    public void A_grant_needs_a_later_date_and_a_refusal_needs_a_comment()
    {
        var now = clock.GetUtcNow();

        Assert.Empty(ExtensionRules.CheckGrant(Due.AddDays(7), null, Due, now));
        Assert.Equal(["Choose the new due date."], ExtensionRules.CheckGrant(null, "ok", Due, now));
        Assert.Single(ExtensionRules.CheckGrant(Due.AddHours(-1), null, Due, now));
        Assert.Equal(["Say why the extension is refused; the company will read it."], ExtensionRules.CheckRefusal(" "));
        Assert.Empty(ExtensionRules.CheckRefusal("The deadline is statutory."));
    }
}
