using DisclosurePortal.Core.Identifiers;
using DisclosurePortal.Core.Matching;

namespace DisclosurePortal.Core.Tests;

public class RecordingMatcherTests
{
    private static readonly RecordingMatcher Matcher = new(
    [
        new CatalogRecordingKey(1, "GBAYE6800011", "Hey Jude", "The Beatles"),
        new CatalogRecordingKey(2, "USRC17607839", "Corazón Partío", "Alejandro Sanz"),
        new CatalogRecordingKey(3, "NLA019900001", "Midnight River - 2011 Remaster", "Ana Lima"),
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

    [Fact]
    public void A_version_qualifier_on_the_list_side_is_set_aside_and_named()
    {
        var match = Matcher.Match(null, "Hey Jude (Remastered 2015)", "The Beatles");
        Assert.Equal(1, match?.CatalogRecordingId);
        Assert.Equal(MatchTier.High, match?.Tier);
        Assert.Equal("title and artist equal after removing 'Remastered 2015'", match?.Reasons);
    }

    [Fact]
    public void A_version_qualifier_on_the_catalog_side_is_set_aside_too()
    {
        var match = Matcher.Match(null, "midnight river", "ANA LIMA");
        Assert.Equal(3, match?.CatalogRecordingId);
        Assert.Equal(MatchTier.High, match?.Tier);
    }

    [Fact]
    public void A_featured_credit_does_not_hide_the_main_artist()
    {
        Assert.Equal(1, Matcher.Match(null, "Hey Jude (feat. Someone)", "The Beatles")?.CatalogRecordingId);
        Assert.Equal(1, Matcher.Match(null, "Hey Jude", "The Beatles feat. Someone")?.CatalogRecordingId);
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
