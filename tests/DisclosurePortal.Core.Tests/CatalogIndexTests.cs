using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Matching;

namespace DisclosurePortal.Core.Tests;

/// <summary>The matching engine on a small hand-made catalog: tiers, reasons, vetoes and the other kinds of entry.</summary>
public class CatalogIndexTests
{
    private static readonly CatalogIndex Index = CatalogIndex.Build(
        [
            new RecordingEntry(1, "GBAYE6800011", "Hey Jude", null, "The Beatles", null, "Hey Jude", 431, 1968, CompositionId: 100, ReleaseId: 200),
            new RecordingEntry(2, "GBAYE1500011", "Hey Jude", "Remastered 2015", "The Beatles", null, "1 (Remastered)", 425, 2015, CompositionId: 100),
            new RecordingEntry(3, "USRC17607839", "Corazón Partío", null, "Alejandro Sanz", null, "Más", 330, 1997),
            new RecordingEntry(4, "SEAAA1000001", "Bolero Part 2", null, "Ana Lima", null, null, 250, 2010),
            new RecordingEntry(5, "SEAAA1000002", "Bolero Part 3", null, "Ana Lima", null, null, 262, 2010),
            new RecordingEntry(6, "DEAAA0500001", "Midnight River", null, "Ada Rossi", ["Bo Quinn"], "Northern Lights", 200, 2005, ReleaseId: 201),
            new RecordingEntry(7, "DEAAA0500002", "Midnight River", "Live", "Ada Rossi", null, "Northern Lights – Live", 241, 2006),
            new RecordingEntry(8, "FRAAA9900001", "Twin Song", null, "Echo Parade", null, null, 180, 1999),
            new RecordingEntry(9, "FRAAA9900002", "Twin Song", null, "Echo Parade", null, null, 181, 1999),
        ],
        [new CompositionEntry(100, "T-034.524.680-1", "Hey Jude", ["John Lennon", "Paul McCartney"])],
        [
            new ReleaseEntry(200, "5012345678900", "Hey Jude", "The Beatles", 1968),
            new ReleaseEntry(201, "012345678905", "Northern Lights", "Ada Rossi", 2005),
        ]);

    private static CatalogCandidate Best(ListedWork work) => Index.Match(work).Best ?? throw new Xunit.Sdk.XunitException("no candidate");

    [Fact]
    public void An_equal_valid_isrc_is_exact_and_says_so()
    {
        var best = Best(new ListedWork("Hey Jude", "Beatles", Isrc: "gb-aye-68-00011"));
        Assert.Equal((CatalogKind.Recordings, 1L, MatchTier.Exact), (best.Kind, best.CatalogId, best.Tier));
        Assert.Equal("ISRC equal", best.Reasons[0]);
    }

    [Fact]
    public void An_equal_isrc_with_equal_title_and_artist_settles_the_row_alone_while_a_near_one_keeps_its_alternatives()
    {
        var settled = Index.Match(new ListedWork("Hey Jude", "The Beatles", Isrc: "GBAYE6800011"));
        Assert.Equal((1L, MatchTier.Exact), (settled.Candidates.Single().CatalogId, settled.Tier));

        // A typo in the title: still exact by its code, and the remaster sharing its words is shown beside it.
        var near = Index.Match(new ListedWork("Hey Jdue", "The Beatles", Isrc: "GBAYE6800011"));
        Assert.Equal((1L, MatchTier.Exact), (near.Best?.CatalogId, near.Tier));
        Assert.Contains(near.Candidates, c => c.CatalogId == 2);
    }

    [Fact]
    public void A_valid_isrc_of_another_work_is_not_trusted()
    {
        // The code is recording 3's, but title and artist are recording 6's.
        var match = Index.Match(new ListedWork("Midnight River", "Ada Rossi", Isrc: "USRC17607839", DurationSeconds: 200));
        Assert.Equal(6, match.Best?.CatalogId);
        Assert.NotEqual(MatchTier.Exact, match.Tier);
        Assert.Contains(match.Warnings, w => w.Contains("not trusted", StringComparison.Ordinal));
    }

    [Fact]
    public void Title_and_artist_with_duration_are_high_with_reasons_in_words()
    {
        var best = Best(new ListedWork("CORAZON PARTIO!", "alejandro sanz", DurationSeconds: 332));
        Assert.Equal((3L, MatchTier.High), (best.CatalogId, best.Tier));
        Assert.Equal(["title equal", "artist equal", "duration Δ 2 s"], best.Reasons);
        Assert.InRange(best.Score, 0.8, 1.0);
    }

    [Fact]
    public void A_version_qualifier_picks_the_version_and_is_named_in_the_reason()
    {
        var best = Best(new ListedWork("Hey Jude (Remastered 2015)", "The Beatles", DurationSeconds: 425, Year: 2015));
        Assert.Equal(2, best.CatalogId);
        Assert.Contains("title equal after removing 'Remastered 2015'", best.Reasons);
        Assert.Contains("version equal 'Remastered 2015'", best.Reasons);
    }

    [Fact]
    public void A_live_take_is_told_apart_from_the_studio_recording_by_version_and_duration()
    {
        Assert.Equal(7, Best(new ListedWork("Midnight River - Live", "Ada Rossi", DurationSeconds: 240)).CatalogId);
        Assert.Equal(6, Best(new ListedWork("Midnight River", "Ada Rossi", DurationSeconds: 201)).CatalogId);
    }

    [Fact]
    public void A_listed_live_take_of_a_song_the_catalog_has_only_in_the_studio_is_left_to_a_reviewer()
    {
        // Title, artist and year agree and the duration nearly does: only the live take sets them apart.
        var best = Best(new ListedWork("Corazón Partío (Live at the Arena)", "Alejandro Sanz", DurationSeconds: 334, Year: 1997));
        Assert.Equal((3L, MatchTier.Possible), (best.CatalogId, best.Tier));
        Assert.Contains("listed version 'Live at the Arena' not in the catalog entry", best.Reasons);
    }

    [Fact]
    public void A_duration_some_seconds_off_counts_against_less_than_one_minutes_off()
    {
        // Shops and lists disagree on fades and silence by tens of seconds; a minute is another edit.
        var recording = new RecordingEntry(1, null, "Remember You", null, "Wiz Khalifa", null, null, 320, 2012);
        var tensOff = CatalogIndex.ScorePair(new ListedWork("Remember You", "Wiz Khalifa", DurationSeconds: 289, Year: 2012), recording);
        var minuteOff = CatalogIndex.ScorePair(new ListedWork("Remember You", "Wiz Khalifa", DurationSeconds: 260, Year: 2012), recording);

        Assert.Contains("duration Δ 31 s", tensOff.Reasons);
        Assert.Equal(MatchTier.High, tensOff.Tier);
        Assert.True(minuteOff.Score < tensOff.Score);
        Assert.True(minuteOff.Tier < MatchTier.High);
    }

    [Fact]
    public void Numbers_in_titles_veto()
    {
        var match = Index.Match(new ListedWork("Bolero Part 4", "Ana Lima"));
        Assert.All(match.Candidates, c => Assert.True(c.Tier < MatchTier.High));
        Assert.True(match.Best is null || match.Best.Score <= 0.2);
        Assert.Equal(5, Best(new ListedWork("Bolero, Pt. III", "Ana Lima")).CatalogId);
    }

    [Fact]
    public void A_duration_far_off_counts_strongly_against()
    {
        var close = Best(new ListedWork("Corazón Partío", "Alejandro Sanz", DurationSeconds: 331));
        var far = Index.Match(new ListedWork("Corazón Partío", "Alejandro Sanz", DurationSeconds: 390));
        Assert.True(far.Best is null || far.Best.Score < close.Score - 0.3);
        Assert.Contains(far.Best?.Reasons ?? [far.NoMatchReason!], r => r.Contains("duration Δ 60 s", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_equally_good_candidates_are_left_to_a_reviewer()
    {
        var match = Index.Match(new ListedWork("Twin Song", "Echo Parade"));
        Assert.Equal(MatchTier.Possible, match.Tier);
        Assert.Equal([8L, 9L], match.Candidates.Select(c => c.CatalogId).Order());
        Assert.Contains("another candidate scores nearly as well", match.Best!.Reasons);
    }

    [Fact]
    public void A_cover_by_another_artist_is_not_a_match()
    {
        var match = Index.Match(new ListedWork("Hey Jude", "Wilson Pickett", DurationSeconds: 241));
        Assert.Equal(MatchTier.None, match.Tier);
        Assert.StartsWith("nothing close enough", match.NoMatchReason, StringComparison.Ordinal);

        // The nearest entry is named by its words, never by a database id.
        Assert.Contains("the nearest, “hey jude” by ", match.NoMatchReason, StringComparison.Ordinal);
        Assert.DoesNotContain(" 1,", match.NoMatchReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_and_artist_both_equal_are_high_over_a_namesake_with_more_words()
    {
        var index = CatalogIndex.Build(
            [
                new RecordingEntry(1, "GBAAA0000001", "Paper Lights", null, "Nadia Okafor", null, null, 0, 0),
                new RecordingEntry(2, "GBAAA0000002", "Paper Lights Forever", null, "Nadia Okafor", null, null, 0, 0),
            ],
            [],
            []);
        var best = index.Match(new ListedWork("PAPER LIGHTS!!", "nadia okafor")).Best!;
        Assert.Equal((1L, MatchTier.High), (best.CatalogId, best.Tier));
        Assert.Equal(MatchTier.Possible, index.Match(new ListedWork("Paper Light Forev", "Nadia Okafor")).Tier);
    }

    [Theory]
    [InlineData("Ada Rossi - Midnight River", null)]        // artist packed into the title
    [InlineData("Midnight River - Ada Rossi", null)]
    [InlineData("Midnight River (feat. Bo Quinn)", "Ada Rossi")]
    [InlineData("Midnigth Rvier", "Ada Rossi")]             // typos in both words
    [InlineData("07. Midnight River", "Rossi, Ada")]        // track number, last name first
    [InlineData("Мидниг Ривер", "Ада Росси")]               // transliterated to Cyrillic (and damaged)
    [InlineData("Midnight River", "Ada Rossi ft. Bo Quinn")]
    public void Messy_rows_still_find_their_recording(string title, string? artist)
    {
        var best = Best(new ListedWork(title, artist, DurationSeconds: 200, Album: "Northern Lights"));
        Assert.Equal(6, best.CatalogId);
        Assert.True(best.Tier >= MatchTier.Possible);
    }

    [Fact]
    public void Mojibake_is_repaired_before_comparing()
    {
        Assert.Equal(3, Best(new ListedWork("CorazÃ³n PartÃ­o", "Alejandro Sanz")).CatalogId);
    }

    [Fact]
    public void Lyrics_match_compositions_by_iswc_or_through_their_recording()
    {
        var byIswc = Best(new ListedWork("Hey Jude", Iswc: "T0345246801", Asset: AssetKind.Lyrics));
        Assert.Equal((CatalogKind.Compositions, 100L, MatchTier.Exact), (byIswc.Kind, byIswc.CatalogId, byIswc.Tier));
        Assert.Equal("ISWC equal", byIswc.Reasons[0]);

        var byText = Best(new ListedWork("Hey Jude", "The Beatles", DurationSeconds: 431, Asset: AssetKind.Lyrics));
        Assert.Equal((CatalogKind.Compositions, 100L), (byText.Kind, byText.CatalogId));
        Assert.Contains(byText.Reasons, r => r.StartsWith("through its recording “hey jude” by ", StringComparison.Ordinal));
    }

    [Fact]
    public void Artwork_matches_releases_by_upc_in_either_spelling_or_by_album_title()
    {
        var byUpc = Best(new ListedWork(null, Upc: "0 12345 67890 5", Asset: AssetKind.Artwork));
        Assert.Equal((CatalogKind.Releases, 201L, MatchTier.Exact), (byUpc.Kind, byUpc.CatalogId, byUpc.Tier));

        var byAlbum = Best(new ListedWork("Cover front", "Ada Rossi", Album: "Northern Lights", Asset: AssetKind.Artwork));
        Assert.Equal((CatalogKind.Releases, 201L), (byAlbum.Kind, byAlbum.CatalogId));
    }

    [Fact]
    public void A_listed_upc_or_iswc_supports_the_recordings_of_that_release_or_work()
    {
        var best = Best(new ListedWork("Midnight River", Upc: "012345678905"));
        Assert.Equal(6, best.CatalogId);
        Assert.Contains("UPC/EAN equal (its release)", best.Reasons);
    }

    [Theory]
    [InlineData("GBAYE6800012X", "ISRC")]
    [InlineData("T-034.524.680-2", "ISWC")]
    [InlineData("5012345678901", "UPC/EAN")]
    public void An_invalid_identifier_is_reported_and_never_used(string code, string name)
    {
        var work = name switch
        {
            "ISRC" => new ListedWork("Hey Jude", "The Beatles", Isrc: code),
            "ISWC" => new ListedWork("Hey Jude", "The Beatles", Iswc: code),
            _ => new ListedWork("Hey Jude", "The Beatles", Upc: code),
        };
        var match = Index.Match(work);
        Assert.Contains(match.Warnings, w => w.StartsWith(name + " '", StringComparison.Ordinal) && w.EndsWith("not used", StringComparison.Ordinal));
        Assert.NotEqual(MatchTier.Exact, match.Tier);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "  ")]
    [InlineData("unknown", "n/a")]
    [InlineData("[unknown]", "Various Artists")]
    [InlineData("-", "?")]
    public void A_row_without_title_or_identifier_gets_none_with_the_reason(string? title, string? artist)
    {
        var match = Index.Match(new ListedWork(title, artist));
        Assert.Equal(MatchTier.None, match.Tier);
        Assert.Equal("no title and no valid identifier", match.NoMatchReason);
    }

    [Fact]
    public void Bad_input_never_throws()
    {
        string[] titles =
        [
            new string('x', 10_000), string.Concat(Enumerable.Repeat("Hey Jude ", 1200)), "🎵🎶🔥", "Hey\u0000Jude\u0007\u001b[31m", "夜に駆ける Midnight Кино",
            "((((((((Live)))))))", "\uD800", "Part 999999999999999999999", new string('(', 5000) + "feat." + new string(')', 5000),
        ];
        foreach (var title in titles)
        {
            var match = Index.Match(new ListedWork(title, title, title, title, title, title, int.MaxValue, int.MinValue, AssetKind.Video));
            Assert.NotNull(match);
            Assert.True(match.Candidates.Count > 0 || match.NoMatchReason is not null);
        }

        var long10k = Index.Match(new ListedWork("Hey Jude" + new string(' ', 2) + new string('z', 10_000), "The Beatles"));
        Assert.Contains(long10k.Warnings, w => w.Contains("only the first 1,000 were used", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(0)]
    [InlineData(86_400)]
    public void An_absurd_duration_is_a_warning_and_not_used(int seconds)
    {
        var match = Index.Match(new ListedWork("Corazón Partío", "Alejandro Sanz", DurationSeconds: seconds));
        Assert.Contains(match.Warnings, w => w.Contains("not plausible", StringComparison.Ordinal));
        Assert.DoesNotContain(match.Best!.Reasons, r => r.StartsWith("duration", StringComparison.Ordinal));
    }

    [Fact]
    public void Tiers_follow_configurable_thresholds()
    {
        var strict = CatalogIndex.Build([new RecordingEntry(1, null, "Corazón Partío", null, "Alejandro Sanz")], options: new MatchOptions(new MatchThresholds(High: 0.999, Possible: 0.99)));
        Assert.Equal(MatchTier.None, strict.Match(new ListedWork("Corazon Partio", "Alejandro Sanz")).Tier);
        var lenient = CatalogIndex.Build([new RecordingEntry(1, null, "Corazón Partío", null, "Alejandro Sanz")], options: new MatchOptions(new MatchThresholds(High: 0.5, Possible: 0.3)));
        Assert.Equal(MatchTier.High, lenient.Match(new ListedWork("Corazon Partio", "Alejandro Sanz")).Tier);
    }

    [Fact]
    public void Many_threads_may_match_at_once_and_agree_with_one()
    {
        var works = Enumerable.Range(0, 400).Select(i => new ListedWork(i % 2 == 0 ? "Midnight River" : "Hey Jude (Remastered 2015)", i % 3 == 0 ? "Ada Rossi" : "The Beatles")).ToList();
        var alone = works.Select(w => Index.Match(w).Best?.CatalogId).ToList();
        var together = works.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(w => Index.Match(w).Best?.CatalogId).ToList();
        Assert.Equal(alone, together);
    }

    [Fact]
    public void Score_pair_compares_two_records_without_an_index()
    {
        var same = CatalogIndex.ScorePair(new ListedWork("Silver and Gold", "Little Big Town", "Pain Killer", DurationSeconds: 213, Year: 2014),
            new RecordingEntry(0, null, "Silver And Gold", null, "Little Big Town", null, "Pain Killer", 211, 2014));
        var other = CatalogIndex.ScorePair(new ListedWork("Illusion (feat. Echosmith)", "Zedd", "True Colors", DurationSeconds: 390),
            new RecordingEntry(0, null, "Transmission [feat. X Ambassadors]", null, "Zedd", null, "True Colors", 242));
        Assert.True(same.Tier >= MatchTier.High, same.Explanation);
        Assert.Equal(MatchTier.None, other.Tier);
    }
    [Fact]
    public void A_listed_remix_the_entry_does_not_name_counts_less_against_it_at_the_same_length_to_the_second()
    {
        // Another mix is seldom the same length to the second: then the entry more likely left its version out.
        var recording = new RecordingEntry(1, null, "Night Drive", null, "Mara Velde", null, null, 211, 2015);
        var sameLength = CatalogIndex.ScorePair(new ListedWork("Night Drive (Kai Sorn Remix)", "Mara Velde", DurationSeconds: 211), recording);
        var longer = CatalogIndex.ScorePair(new ListedWork("Night Drive (Kai Sorn Remix)", "Mara Velde", DurationSeconds: 236), recording);

        Assert.Contains("listed version 'Kai Sorn Remix' not in the catalog entry, yet the same length", sameLength.Reasons);
        Assert.Equal(MatchTier.High, sameLength.Tier);
        Assert.Contains("listed version 'Kai Sorn Remix' not in the catalog entry", longer.Reasons);
        Assert.True(longer.Tier < MatchTier.High, longer.Explanation);
    }

    [Fact]
    public void Remixes_named_after_different_remixers_are_different_versions_and_the_same_remixer_is_a_similar_one()
    {
        var other = CatalogIndex.ScorePair(new ListedWork("Night Drive (Kai Sorn Remix)", "Mara Velde", DurationSeconds: 240),
            new RecordingEntry(1, null, "Night Drive", "Lio Bask Remix", "Mara Velde", null, null, 260, 2015));
        var same = CatalogIndex.ScorePair(new ListedWork("Night Drive (Kai Sorn Remix)", "Mara Velde", DurationSeconds: 240),
            new RecordingEntry(2, null, "Night Drive", "Kai Sorn Extended Mix", "Mara Velde", null, null, 260, 2015));

        Assert.Contains("version differs 'Kai Sorn Remix' / 'Lio Bask Remix'", other.Reasons);
        Assert.True(other.Tier < MatchTier.High, other.Explanation);
        Assert.Contains("version similar 'Kai Sorn Remix' / 'Kai Sorn Extended Mix'", same.Reasons);
        Assert.True(same.Score > other.Score);
    }

    [Fact]
    public void A_title_run_together_with_other_fields_matches_when_artist_and_length_agree_but_one_word_is_not_enough()
    {
        var runTogether = CatalogIndex.ScorePair(new ListedWork("Cowboy Boots Rap & Hip-Hop 2014 Example Music Ltd", "Harbour Lights", DurationSeconds: 257),
            new RecordingEntry(1, null, "Cowboy Boots", null, "Harbour Lights", null, null, 257, 2012));
        var otherArtist = CatalogIndex.ScorePair(new ListedWork("Cowboy Boots Rap & Hip-Hop 2014 Example Music Ltd", "Sea Wolves", DurationSeconds: 257),
            new RecordingEntry(1, null, "Cowboy Boots", null, "Harbour Lights", null, null, 257, 2012));
        var oneWord = CatalogIndex.ScorePair(new ListedWork("Love Story", "Harbour Lights", DurationSeconds: 200),
            new RecordingEntry(2, null, "Love", null, "Harbour Lights", null, null, 200, 2012));

        Assert.Contains("title opens with the other title, the words after it look like other fields", runTogether.Reasons);
        Assert.Equal(MatchTier.High, runTogether.Tier);
        Assert.DoesNotContain("title opens with the other title, the words after it look like other fields", otherArtist.Reasons);
        Assert.DoesNotContain("title opens with the other title, the words after it look like other fields", oneWord.Reasons);
    }

    [Fact]
    public void A_long_title_equal_word_for_word_carries_more_weight_than_a_short_one()
    {
        // No artist on either side: the title and the length are all there is.
        var longTitle = CatalogIndex.ScorePair(new ListedWork("When the River Runs Backwards Through the Old Town Square", DurationSeconds: 256, Year: 2008),
            new RecordingEntry(1, null, "When The River Runs Backwards Through The Old Town Square", null, "", null, null, 256, 2004));
        var shortTitle = CatalogIndex.ScorePair(new ListedWork("Home", DurationSeconds: 256, Year: 2008),
            new RecordingEntry(2, null, "Home", null, "", null, null, 256, 2004));

        Assert.Equal(MatchTier.High, longTitle.Tier);
        Assert.True(shortTitle.Tier < MatchTier.High, shortTitle.Explanation);
    }
}
