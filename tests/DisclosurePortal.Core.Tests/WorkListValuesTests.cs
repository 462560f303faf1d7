using DisclosurePortal.Core.WorkLists;

namespace DisclosurePortal.Core.Tests;

public class WorkListValuesTests
{
    [Theory]
    [InlineData("219", 219)]
    [InlineData("219000", 219)]          // milliseconds
    [InlineData("3:39", 219)]
    [InlineData("03:39.5", 219)]
    [InlineData("1:02:03", 3723)]
    [InlineData("PT3M39S", 219)]
    [InlineData("1m 58sec", 118)]
    [InlineData("3.65", 219)]            // decimal minutes
    [InlineData("2 min 5 s", 125)]
    [InlineData("soon", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Reads_durations_as_lists_write_them(string? text, int? seconds)
    {
        Assert.Equal(seconds, WorkListValues.DurationSeconds(text));
    }

    [Theory]
    [InlineData("1975", 1975)]
    [InlineData("75", 1975)]
    [InlineData("05", 2005)]
    [InlineData("1975-03-12", 1975)]
    [InlineData("18-May-15", 2015)]
    [InlineData("May 18 , 2015", 2015)]
    [InlineData("(P) 1999 Some Label", 1999)]
    [InlineData("long ago", null)]
    [InlineData("12345", null)]
    public void Reads_years_as_lists_write_them(string text, int? year)
    {
        Assert.Equal(year, WorkListValues.Year(text));
    }
}
