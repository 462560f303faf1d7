using DisclosurePortal.Core.Matching;

namespace DisclosurePortal.Core.Tests;

public class TextNormaliserTests
{
    [Theory]
    [InlineData("Hey Jude", "hey jude")]
    [InlineData("  HEY   JUDE!! ", "hey jude")]
    [InlineData("Beyoncé", "beyonce")]
    [InlineData("Simon & Garfunkel", "simon and garfunkel")]
    [InlineData("The Beatles", "beatles")]
    [InlineData("Don't Stop Me Now", "dont stop me now")]
    [InlineData("Don’t Stop Me Now", "dont stop me now")]
    [InlineData("ＡＢＣ", "abc")]             // full-width letters fold to ASCII
    [InlineData("Sigur Rós", "sigur ros")]
    [InlineData("Guns N' Roses", "guns n roses")]
    [InlineData("The", "the")]              // a lone article stays
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Produces_comparison_keys(string? text, string key)
    {
        Assert.Equal(key, TextNormaliser.Key(text));
    }

    [Fact]
    public void Keeps_non_latin_scripts()
    {
        Assert.Equal("夜に駆ける", TextNormaliser.Key("夜に駆ける"));
        Assert.Equal("кино", TextNormaliser.Key("Кино"));
    }
}
