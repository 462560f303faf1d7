using DisclosurePortal.Core.Tables;

namespace DisclosurePortal.Core.Tests;

public class ReadAheadTests
{
    [Fact]
    public void Every_item_comes_out_once_in_order_in_chunks()
    {
        var chunks = ReadAhead.Chunks(Enumerable.Range(0, 10_001), 1000).ToList();

        Assert.Equal(11, chunks.Count);
        Assert.Equal(Enumerable.Range(0, 10_001), chunks.SelectMany(c => c));
        Assert.Single(chunks[^1]);
    }

    [Fact]
    public void An_error_while_reading_comes_out_of_the_enumeration_after_the_chunks_read_before_it()
    {
        static IEnumerable<int> Failing()
        {
            for (var i = 0; i < 25; i++)
            {
                yield return i;
            }

            throw new InvalidDataException("line 26 is broken");
        }

        var seen = new List<int>();
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var chunk in ReadAhead.Chunks(Failing(), 10))
            {
                seen.AddRange(chunk);
            }
        });

        Assert.Equal("line 26 is broken", error.Message);
        Assert.Equal(Enumerable.Range(0, 20), seen);
    }

    [Fact]
    public void A_caller_that_stops_early_stops_the_reader_and_its_source_is_disposed()
    {
        var source = new CountingSource();

        var first = ReadAhead.Chunks(source, 10).First();

        Assert.Equal(Enumerable.Range(0, 10), first);
        Assert.True(source.Disposed);
        Assert.True(source.Read < 1_000_000);
    }

    private sealed class CountingSource : IEnumerable<int>
    {
        public int Read { get; private set; }

        public bool Disposed { get; private set; }

        public IEnumerator<int> GetEnumerator()
        {
            try
            {
                for (var i = 0; i < 1_000_000; i++)
                {
                    Read++;
                    yield return i;
                }
            }
            finally
            {
                Disposed = true;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
