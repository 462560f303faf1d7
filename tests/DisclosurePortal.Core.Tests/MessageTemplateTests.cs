using DisclosurePortal.Core.Messages;

namespace DisclosurePortal.Core.Tests;

public class MessageTemplateTests
{
    private static readonly Dictionary<string, string> Values = new() { ["company"] = "Northwind AI", ["deadline"] = "16 December 2026, 17:00 UTC" };

    [Fact]
    public void Replaces_known_placeholders_ignoring_case_and_keeps_escaped_braces() =>
        Assert.Equal(
            "Northwind AI must answer by 16 December 2026, 17:00 UTC {not a placeholder} {unknown}",
            MessageTemplate.Render("{company} must answer by { Deadline } {{not a placeholder}} {unknown}", Values));

    [Fact]
    public void Reports_each_unknown_placeholder_once()
    {
        var unknown = MessageTemplate.Unknown("Dear {contact}, {company} {compnay} {compnay} {{literal}} {Link}", ["company", "contact", "link"]);
        Assert.Equal(["{compnay}"], unknown);
    }

    [Fact]
    public void A_value_that_looks_like_a_placeholder_is_not_replaced_again() =>
        Assert.Equal("{deadline} Ltd", MessageTemplate.Render("{company}", new Dictionary<string, string> { ["company"] = "{deadline} Ltd", ["deadline"] = "x" }));

    [Theory]
    [InlineData(MessageKind.Invitation)]
    [InlineData(MessageKind.Reminder)]
    [InlineData(MessageKind.OverdueNotice)]
    [InlineData(MessageKind.ColleagueInvitation)]
    public void The_default_texts_use_only_their_kinds_placeholders_and_carry_the_link(MessageKind kind)
    {
        var text = MessageDefaults.For(kind);
        var known = MessageDefaults.Placeholders(kind).Select(p => p.Name).ToList();
        Assert.Empty(MessageTemplate.Unknown(text.Subject, known));
        Assert.Empty(MessageTemplate.Unknown(text.Body, known));
        Assert.Contains("{link}", text.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7 * 24 - 0.2, "7 days")]
    [InlineData(25, "1 day")]
    [InlineData(20.2, "20 hours")]
    [InlineData(0.75, "45 minutes")]
    public void Time_left_reads_as_people_say_it(double hours, string text) =>
        Assert.Equal(text, MessageDefaults.FormatTimeLeft(TimeSpan.FromHours(hours)));
}
