using DisclosurePortal.Core.Matching;

namespace DisclosurePortal.Core.Tests;

public class WeightTableTests
{
    [Fact]
    public void Gain_adds_only_to_entries_already_found_whether_it_walks_or_looks_up_the_postings()
    {
        var table = new WeightTable();
        table.Add(10, 1);
        table.Add(500, 1);

        // Two entries against 2,000 postings: looked up one by one.
        table.Gain(Enumerable.Range(0, 2000).ToArray(), 2);

        // Two entries against three postings: the postings are walked.
        table.Gain([3, 500, 999], 4);

        var best = new List<int>();
        table.TakeBest(5, best);
        Assert.Equal([500, 10], best);
        Assert.Equal(2, table.Count);
        Assert.Equal(3, table.Lightest(2));
        Assert.Equal(0, table.Lightest(3));
    }

    [Fact]
    public void A_full_table_takes_no_new_entry_but_its_entries_still_gain()
    {
        var table = new WeightTable();
        var position = 0;
        while (table.Add(position, 1))
        {
            position++;
        }

        Assert.True(table.IsFull);
        Assert.False(table.Add(position + 1, 5));
        Assert.True(table.Add(7, 5));
        var best = new List<int>();
        table.TakeBest(1, best);
        Assert.Equal([7], best);
    }

    [Fact]
    public void Search_still_finds_an_entry_named_by_rare_and_common_words_among_many_that_share_the_common_ones()
    {
        // 3,000 recordings share the words "love" and "song": only one of them is by "Zora Quill".
        var recordings = Enumerable.Range(0, 3000)
            .Select(i => new RecordingEntry(i, null, "Love Song", null, $"Artist {i}", null, null, null, null))
            .Append(new RecordingEntry(5000, null, "Love Song", null, "Zora Quill", null, null, null, null))
            .ToList();
        var index = CatalogIndex.Build(recordings);

        var match = index.Match(new ListedWork("Love Song", "Zora Quill"));

        Assert.Equal(5000, match.Candidates[0].CatalogId);
    }
}
