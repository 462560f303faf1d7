using DisclosurePortal.Core.Synthetic;

namespace DisclosurePortal.Core.Tests;

public class SyntheticCatalogTests
{
    [Fact]
    public void Is_deterministic_for_a_seed()
    {
        Assert.Equal(SyntheticCatalog.Generate(200, seed: 7), SyntheticCatalog.Generate(200, seed: 7));
        Assert.NotEqual(SyntheticCatalog.Generate(50, seed: 7), SyntheticCatalog.Generate(50, seed: 8));
    }

    [Fact]
    public void Isrcs_are_unique_even_across_registrant_blocks()
    {
        var catalog = SyntheticCatalog.Generate(1_200_000).Select(r => r.Isrc.Value);
        var seen = new HashSet<string>();
        Assert.All(catalog, isrc => Assert.True(seen.Add(isrc), $"duplicate {isrc}"));
    }

    [Fact]
    public void Entries_are_plausible()
    {
        Assert.All(SyntheticCatalog.Generate(500), r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Title));
            Assert.False(string.IsNullOrWhiteSpace(r.Artist));
            Assert.InRange(r.DurationSeconds, 60, 900);
            Assert.InRange(r.ReleaseYear, 1950, 2026);
        });
    }
}
