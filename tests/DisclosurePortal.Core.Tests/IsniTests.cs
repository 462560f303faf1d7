using DisclosurePortal.Core.Identifiers;

namespace DisclosurePortal.Core.Tests;

public class IsniTests
{
    [Theory]
    [InlineData("0000-0002-1825-0097", "0000000218250097")]
    [InlineData("0000-0001-5109-3700", "0000000151093700")]
    [InlineData("0000-0002-1694-233X", "000000021694233X")]
    [InlineData("0000 0002 1694 233x", "000000021694233X")]
    [InlineData("ISNI 0000 0001 5109 3700", "0000000151093700")]
    [InlineData("https://orcid.org/0000-0002-1825-0097", "0000000218250097")]
    [InlineData("https://isni.org/isni/0000000151093700", "0000000151093700")]
    public void Parses_the_forms_people_paste(string text, string canonical)
    {
        Assert.True(Isni.TryParse(text, out var isni));
        Assert.Equal(canonical, isni.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0000-0002-1825-0098")]   // wrong check digit
    [InlineData("0000-0002-1694-2330")]   // X expected
    [InlineData("0000-0002-1825-009")]    // fifteen characters
    [InlineData("0000-0002-1825-00970")]  // seventeen
    [InlineData("0000-000X-1825-0097")]   // X only as the check character
    [InlineData("0000-0002-1825-009Y")]   // Y is no check character
    public void Refuses_invalid_codes(string? text)
    {
        Assert.False(Isni.TryParse(text, out _));
    }

    [Fact]
    public void Formats_in_groups_of_four()
    {
        Assert.Equal("0000 0002 1694 233X", Isni.Parse("000000021694233x").Formatted);
    }

    [Fact]
    public void Generated_codes_round_trip_and_every_other_check_character_fails()
    {
        var random = new Random(17);
        for (var n = 0; n < 500; n++)
        {
            var digits = string.Concat(Enumerable.Range(0, 15).Select(_ => (char)('0' + random.Next(10))));
            var isni = Isni.FromDigits(digits);
            Assert.Equal(isni, Isni.Parse(isni.Formatted));
            foreach (var wrong in "0123456789X".Where(c => c != isni.Value[15]))
            {
                Assert.False(Isni.TryParse(digits + wrong, out _));
            }
        }
    }
}
