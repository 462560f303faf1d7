using DisclosurePortal.Core.WorkLists;

namespace DisclosurePortal.Core.Tests;

/// <summary>Row identity decides which rows of two versions are the same work; the fingerprint whether it changed.</summary>
public class WorkListRowIdentityTests
{
    [Fact]
    public void Rows_with_the_same_isrc_are_the_same_work_however_it_is_written_and_whatever_the_title()
    {
        var key = WorkListRowIdentity.Key("GBAYE7600012", "Paper Lights", "Nadia Okafor");

        Assert.Equal(key, WorkListRowIdentity.Key("gb-aye-76-00012", "Paper Lights (Remastered)", "N. Okafor"));
        Assert.NotEqual(key, WorkListRowIdentity.Key("GBAYE7600013", "Paper Lights", "Nadia Okafor"));
        Assert.Equal(WorkListRowIdentity.HashLength, key!.Length);
    }

    [Fact]
    public void Without_an_isrc_the_normalised_title_and_artist_name_the_work()
    {
        var key = WorkListRowIdentity.Key(null, "Café & Stars", "The Zoe Quinn Band");

        Assert.Equal(key, WorkListRowIdentity.Key("not-an-isrc", "  CAFE AND STARS ", "zoe quinn band"));
        Assert.NotEqual(key, WorkListRowIdentity.Key(null, "Café & Stars", "Someone Else"));
        // An ISRC-keyed row and a name-keyed row of the same song are not assumed to be the same work.
        Assert.NotEqual(key, WorkListRowIdentity.Key("GBAYE7600012", "Café & Stars", "The Zoe Quinn Band"));
        Assert.Null(WorkListRowIdentity.Key(null, "  ", "Artist Only"));
    }

    [Fact]
    public void The_fingerprint_changes_with_what_the_row_says_but_not_with_surrounding_spaces()
    {
        var fingerprint = WorkListRowIdentity.Fingerprint("GBAYE7600012", "Paper Lights", "Nadia Okafor");

        Assert.Equal(fingerprint, WorkListRowIdentity.Fingerprint(" GBAYE7600012 ", "Paper Lights ", " Nadia Okafor"));
        Assert.NotEqual(fingerprint, WorkListRowIdentity.Fingerprint("GBAYE7600012", "Paper Lights", "Nadia Okafor feat. Ben"));
        Assert.NotEqual(WorkListRowIdentity.Fingerprint("a", "bc", null), WorkListRowIdentity.Fingerprint("ab", "c", null));
    }

    [Fact]
    public void Further_fields_change_the_fingerprint_only_when_given_and_iswc_or_upc_key_a_row_without_isrc()
    {
        var plain = WorkListRowIdentity.Fingerprint("GBAYE7600012", "Paper Lights", "Nadia Okafor");
        Assert.Equal(plain, WorkListRowIdentity.Fingerprint("GBAYE7600012", "Paper Lights", "Nadia Okafor", null, "", null));
        Assert.NotEqual(plain, WorkListRowIdentity.Fingerprint("GBAYE7600012", "Paper Lights", "Nadia Okafor", "Night Songs"));
        Assert.NotEqual(
            WorkListRowIdentity.Fingerprint("GBAYE7600012", "Paper Lights", "Nadia Okafor", null, null, null, "200"),
            WorkListRowIdentity.Fingerprint("GBAYE7600012", "Paper Lights", "Nadia Okafor", null, null, null, "201"));

        var byIswc = WorkListRowIdentity.Key(null, "Paper Lights", "Nadia Okafor", iswc: "T-034.524.680-1");
        Assert.Equal(byIswc, WorkListRowIdentity.Key(null, "Other title", null, iswc: "T0345246801"));
        Assert.NotEqual(byIswc, WorkListRowIdentity.Key(null, "Paper Lights", "Nadia Okafor"));
        Assert.NotNull(WorkListRowIdentity.Key(null, null, null, upc: "5012345678900"));
    }
}
