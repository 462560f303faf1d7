using DisclosurePortal.Core.Identifiers;

namespace DisclosurePortal.Core.Tests;

public class IsrcTests
{
    [Theory]
    [InlineData("GBAYE6800011", "GBAYE6800011")]
    [InlineData("gb-aye-68-00011", "GBAYE6800011")]
    [InlineData(" US.RC1.76.07839 ", "USRC17607839")]
    [InlineData("ISRC: FR Z03 91 00157", "FRZ039100157")]
    [InlineData("usrc17607839", "USRC17607839")]
    public void Parses_the_forms_people_paste(string text, string canonical)
    {
        Assert.True(Isrc.TryParse(text, out var isrc));
        Assert.Equal(canonical, isrc.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("GBAYE680001")]     // eleven characters
    [InlineData("GBAYE68000111")]   // thirteen
    [InlineData("1BAYE6800011")]    // country must be letters
    [InlineData("GBAYEX800011")]    // year must be digits
    [InlineData("GBAYE680001X")]    // designation must be digits
    [InlineData("GB_AYE6800011")]   // underscore is not a separator
    [InlineData("GBÄYE6800011")]    // non-ASCII
    public void Refuses_malformed_codes(string? text)
    {
        Assert.False(Isrc.TryParse(text, out _));
    }

    [Fact]
    public void Formats_with_hyphens()
    {
        Assert.Equal("GB-AYE-68-00011", Isrc.Parse("gbaye6800011").Formatted);
    }

    [Fact]
    public void Parse_throws_with_the_offending_text()
    {
        var ex = Assert.Throws<FormatException>(() => Isrc.Parse("nonsense"));
        Assert.Contains("nonsense", ex.Message, StringComparison.Ordinal);
    }
}
