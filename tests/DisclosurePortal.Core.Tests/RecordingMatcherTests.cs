using DisclosurePortal.Core.Identifiers;
using DisclosurePortal.Core.Matching;

namespace DisclosurePortal.Core.Tests;

public class RecordingMatcherTests
{
    private static readonly RecordingMatcher Matcher = new(
    [
        new CatalogRecordingKey(1, "GBAYE6800011", TextNormaliser.Key("Hey Jude"), TextNormaliser.Key("The Beatles")),
        new CatalogRecordingKey(2, "USRC17607839", TextNormaliser.Key("Corazón Partío"), TextNormaliser.Key("Alejandro Sanz")),
    ]);

    [Fact]
    public void An_equal_isrc_is_exact()
    {
        var match = Matcher.Match(Isrc.Parse("gb-aye-68-00011"), "Something else", "Nobody");
        Assert.Equal(new RecordingMatch(1, MatchTier.Exact, 1.0, "ISRC equal"), match);
    }

    [Fact]
    public void Equal_title_and_artist_after_normalising_is_high()
    {
        var match = Matcher.Match(null, "CORAZON PARTIO!", "alejandro  sanz");
        Assert.NotNull(match);
        Assert.Equal(2, match.CatalogRecordingId);
        Assert.Equal(MatchTier.High, match.Tier);
        Assert.Equal("title and artist equal after normalising", match.Reasons);
    }

    [Fact]
    public void An_unknown_isrc_falls_back_to_title_and_artist_and_says_so()
    {
        var match = Matcher.Match(Isrc.Parse("FRZ039100157"), "Hey Jude", "Beatles");
        Assert.Equal(MatchTier.High, match?.Tier);
        Assert.Contains("ISRC differs", match?.Reasons, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hey Jude", null)]
    [InlineData("Hey Jude", "The Rolling Stones")]
    [InlineData(null, "The Beatles")]
    public void Anything_else_has_no_candidate(string? title, string? artist)
    {
        Assert.Null(Matcher.Match(null, title, artist));
    }
}
