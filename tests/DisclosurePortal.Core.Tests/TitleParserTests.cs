using DisclosurePortal.Core.Matching;

namespace DisclosurePortal.Core.Tests;

public class TitleParserTests
{
    [Theory]
    [InlineData("Hey Jude (Remastered 2015)", "Hey Jude", "Remastered 2015")]
    [InlineData("Hey Jude - Remastered 2015", "Hey Jude", "Remastered 2015")]
    [InlineData("Hey Jude [2015 Remaster]", "Hey Jude", "2015 Remaster")]
    [InlineData("Bohemian Rhapsody - Live Aid", "Bohemian Rhapsody", "Live Aid")]
    [InlineData("Smells Like Teen Spirit (Radio Edit)", "Smells Like Teen Spirit", "Radio Edit")]
    [InlineData("Song — Single Version", "Song", "Single Version")]
    [InlineData("Tune (Explicit)", "Tune", "Explicit")]
    [InlineData("Tune (Remix by DJ Someone)", "Tune", "Remix by DJ Someone")]
    public void Separates_version_qualifiers_from_the_title(string title, string baseTitle, string qualifier)
    {
        var parts = TitleParser.Parse(title);
        Assert.Equal(baseTitle, parts.BaseTitle);
        Assert.Equal([qualifier], parts.Qualifiers);
    }

    [Fact]
    public void Peels_stacked_qualifiers()
    {
        var parts = TitleParser.Parse("Song - Live - 2011 Remaster");
        Assert.Equal("Song", parts.BaseTitle);
        Assert.Equal(["Live", "2011 Remaster"], parts.Qualifiers);
        Assert.True(parts.ChangesRecording);
    }

    [Theory]
    [InlineData("Song (feat. Ana Lima)", "Song", new[] { "Ana Lima" })]
    [InlineData("Song [ft. Ana Lima & Bo]", "Song", new[] { "Ana Lima", "Bo" })]
    [InlineData("Song feat. Ana Lima", "Song", new[] { "Ana Lima" })]
    [InlineData("Song (with Bo) (Live)", "Song", new[] { "Bo" })]
    public void Pulls_featured_artists_out_of_the_title(string title, string baseTitle, string[] featured)
    {
        var parts = TitleParser.Parse(title);
        Assert.Equal(baseTitle, parts.BaseTitle);
        Assert.Equal(featured, parts.Featured);
    }

    [Theory]
    [InlineData("Étoile (Dream)")]          // a bracket that is part of the title stays
    [InlineData("Live and Let Die")]        // a qualifier word inside the title itself
    [InlineData("Part 2")]
    [InlineData("Edit Me")]
    public void Leaves_titles_that_only_look_like_versions(string title)
    {
        var parts = TitleParser.Parse(title);
        Assert.Equal(title, parts.BaseTitle);
        Assert.Empty(parts.Qualifiers);
    }

    [Fact]
    public void A_remaster_is_the_same_recording_a_live_take_is_not()
    {
        Assert.False(TitleParser.Parse("Song (Remastered 2011)").ChangesRecording);
        Assert.True(TitleParser.Parse("Song (Live at Wembley)").ChangesRecording);
    }

    [Fact]
    public void Keeps_a_title_made_only_of_qualifiers()
    {
        Assert.Equal("(Live)", TitleParser.Parse("(Live)").BaseTitle);
    }

    [Theory]
    [InlineData("Ana Lima feat. Bo", new[] { "Ana Lima", "Bo" })]
    [InlineData("Ana Lima, Bo & Cy", new[] { "Ana Lima", "Bo", "Cy" })]
    [InlineData("Ana Lima / Bo; Cy and Di", new[] { "Ana Lima", "Bo", "Cy", "Di" })]
    [InlineData("", new string[0])]
    public void Splits_artist_credits(string credit, string[] names)
    {
        Assert.Equal(names, TitleParser.SplitArtists(credit));
    }

    [Fact]
    public void Survives_pathological_input()
    {
        var huge = new string('(', 5000) + "Live" + new string(')', 5000);
        var parts = TitleParser.Parse(huge);
        Assert.NotNull(parts.BaseTitle);
        Assert.Equal(string.Empty, TitleParser.Parse("   ").BaseTitle);
    }
}
