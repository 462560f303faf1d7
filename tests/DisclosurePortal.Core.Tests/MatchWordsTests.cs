using DisclosurePortal.Core.Matching;

namespace DisclosurePortal.Core.Tests;

/// <summary>The words the matcher compares: the normaliser's key plus repairs that only matter for matching.</summary>
public class MatchWordsTests
{
    [Theory]
    [InlineData("The Beatles", new[] { "beatles" })]
    [InlineData("Simon & Garfunkel", new[] { "simon", "and", "garfunkel" })]
    [InlineData("CorazÃ³n PartÃ­o", new[] { "corazon", "partio" })]      // UTF-8 read as Latin-1
    [InlineData("Ада Росси", new[] { "ada", "rossi" })]                     // Cyrillic spelled in Latin
    [InlineData("Джонас", new[] { "jonas" })]
    [InlineData("Αθήνα", new[] { "athina" })]
    [InlineData("ＨＥＹ　ＪＵＤＥ", new[] { "hey", "jude" })]               // full-width forms fold
    [InlineData("Hey\u0000Jude\u001b", new[] { "hey", "jude" })]            // control characters separate words
    [InlineData("Fire 🔥 Song", new[] { "fire", "song" })]
    [InlineData("broken \uD800 surrogate", new[] { "broken", "surrogate" })]
    [InlineData("   ", new string[0])]
    public void Produces_comparable_words(string text, string[] words)
    {
        Assert.Equal(words, TextNormaliser.MatchWords(text));
    }

    [Fact]
    public void Cuts_very_long_text()
    {
        var words = TextNormaliser.MatchWords(string.Join(' ', Enumerable.Repeat("la", 6000)));
        Assert.InRange(words.Length, 1, TextNormaliser.MaxMatchLength / 2);
    }

    [Fact]
    public void Leaves_text_that_only_looks_like_mojibake()
    {
        Assert.Equal("Ãlvaro", TextNormaliser.RepairMojibake("Ãlvaro"));
    }
}
