using DisclosurePortal.Core.Identifiers;

namespace DisclosurePortal.Core.Tests;

public class GridTests
{
    [Theory]
    [InlineData("A1-2425G-ABC1234002-M")]
    [InlineData("A12425GABC1234002M")]
    [InlineData("a1-2425g-abc1234002-m")]
    [InlineData("GRid: A1 2425G ABC1234002 M")]
    [InlineData("grid A1.2425G.ABC1234002.M")]
    public void Parses_the_forms_people_paste(string text)
    {
        Assert.True(Grid.TryParse(text, out var grid));
        Assert.Equal("A12425GABC1234002M", grid.Value);
        Assert.Equal("A1-2425G-ABC1234002-M", grid.Formatted);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("A1-2425G-ABC1234002-N")]   // wrong check character
    [InlineData("A1-2425G-ABC1234020-M")]   // transposed characters
    [InlineData("A1-2425G-ABC123400-M")]    // seventeen characters
    [InlineData("A1-2425G-ABC12340022-M")]  // nineteen
    [InlineData("B1-2425G-ABC1234002-M")]   // scheme must be A1
    [InlineData("A1-2425G-ABC1234002-*")]   // not alphanumeric
    public void Refuses_invalid_codes(string? text)
    {
        Assert.False(Grid.TryParse(text, out _));
    }

    [Fact]
    public void Create_computes_the_published_example_check_character()
    {
        Assert.Equal("A12425GABC1234002M", Grid.Create("2425G", "ABC1234002").Value);
    }

    [Fact]
    public void Generated_codes_round_trip_and_every_other_check_character_fails()
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var random = new Random(19);
        for (var n = 0; n < 300; n++)
        {
            string Pick(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(36)]));
            var grid = Grid.Create(Pick(5), Pick(10));
            Assert.Equal(grid, Grid.Parse(grid.Formatted.ToLowerInvariant()));
            foreach (var wrong in alphabet.Where(c => c != grid.Value[17]))
            {
                Assert.False(Grid.TryParse(grid.Value[..17] + wrong, out _));
            }
        }
    }
}
