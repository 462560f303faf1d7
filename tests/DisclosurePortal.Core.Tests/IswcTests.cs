using DisclosurePortal.Core.Identifiers;

namespace DisclosurePortal.Core.Tests;

public class IswcTests
{
    [Theory]
    [InlineData("T-034.524.680-1", "T0345246801")]
    [InlineData("T-910.940.292-8", "T9109402928")]
    [InlineData("t0345246801", "T0345246801")]
    [InlineData(" ISWC: T 034 524 680 1 ", "T0345246801")]
    [InlineData("iswc T-034524680-1", "T0345246801")]
    [InlineData("T.034.524.680.1", "T0345246801")]
    public void Parses_the_forms_people_paste(string text, string canonical)
    {
        Assert.True(Iswc.TryParse(text, out var iswc));
        Assert.Equal(canonical, iswc.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("T-034.524.680-2")]   // wrong check digit
    [InlineData("T-034.524.608-1")]   // transposed digits
    [InlineData("T-034.524.68-1")]    // too short
    [InlineData("T-034.524.680-12")]  // too long
    [InlineData("X-034.524.680-1")]   // must start with T
    [InlineData("T-034.524.6A0-1")]   // letters in the number
    [InlineData("T_034_524_680_1")]   // underscore is not a separator
    public void Refuses_invalid_codes(string? text)
    {
        Assert.False(Iswc.TryParse(text, out _));
    }

    [Fact]
    public void Formats_for_display()
    {
        Assert.Equal("T-910.940.292-8", Iswc.Parse("T9109402928").Formatted);
    }

    [Fact]
    public void Generated_codes_round_trip_and_every_other_check_digit_fails()
    {
        var random = new Random(11);
        for (var n = 0; n < 500; n++)
        {
            var iswc = Iswc.FromWorkNumber(random.Next(1_000_000_000));
            Assert.Equal(iswc, Iswc.Parse(iswc.Formatted));
            Assert.Equal(iswc, Iswc.Parse(iswc.Value.ToLowerInvariant()));
            foreach (var wrong in "0123456789".Where(c => c != iswc.Value[10]))
            {
                Assert.False(Iswc.TryParse(iswc.Value[..10] + wrong, out _));
            }
        }
    }

    [Fact]
    public void Parse_throws_with_the_offending_text()
    {
        var ex = Assert.Throws<FormatException>(() => Iswc.Parse("T-1"));
        Assert.Contains("T-1", ex.Message, StringComparison.Ordinal);
    }
}
