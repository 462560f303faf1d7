using DisclosurePortal.Core.Identifiers;

namespace DisclosurePortal.Core.Tests;

public class GtinTests
{
    [Theory]
    [InlineData("036000291452", "0036000291452", GtinKind.UpcA)]
    [InlineData("0 36000 29145 2", "0036000291452", GtinKind.UpcA)]
    [InlineData("UPC: 036000-291452", "0036000291452", GtinKind.UpcA)]
    [InlineData("0036000291452", "0036000291452", GtinKind.Ean13)]
    [InlineData("4006381333931", "4006381333931", GtinKind.Ean13)]
    [InlineData("EAN-13: 4 006381 333931", "4006381333931", GtinKind.Ean13)]
    [InlineData("5099902894423", "5099902894423", GtinKind.Ean13)]
    [InlineData("ean 5.099902.894423", "5099902894423", GtinKind.Ean13)]
    public void Parses_the_forms_people_paste(string text, string canonical, GtinKind kind)
    {
        Assert.True(Gtin.TryParse(text, out var gtin));
        Assert.Equal(canonical, gtin.Value);
        Assert.Equal(kind, gtin.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("036000291453")]    // wrong check digit
    [InlineData("4006381333932")]   // wrong check digit
    [InlineData("03600029145")]     // eleven digits
    [InlineData("40063813339310")]  // fourteen digits
    [InlineData("4006381A33931")]   // a letter
    [InlineData("4006381/333931")]  // slash is not a separator
    public void Refuses_invalid_codes(string? text)
    {
        Assert.False(Gtin.TryParse(text, out _));
    }

    [Fact]
    public void Upc_and_its_ean_form_are_the_same_product()
    {
        var upc = Gtin.Parse("036000291452");
        var ean = Gtin.Parse("0036000291452");
        Assert.Equal(upc, ean);
        Assert.Equal(upc.GetHashCode(), ean.GetHashCode());
        Assert.Equal("036000291452", upc.Formatted);
        Assert.Equal("0036000291452", ean.Formatted);
        Assert.Equal("036000291452", ean.Upc);
        Assert.Null(Gtin.Parse("4006381333931").Upc);
    }

    [Fact]
    public void Generated_codes_round_trip_and_every_other_check_digit_fails()
    {
        var random = new Random(13);
        for (var n = 0; n < 500; n++)
        {
            var length = n % 2 == 0 ? 11 : 12;
            var data = string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(10))));
            var gtin = Gtin.FromDataDigits(data);
            Assert.Equal(length == 11 ? GtinKind.UpcA : GtinKind.Ean13, gtin.Kind);
            Assert.Equal(gtin, Gtin.Parse(gtin.Formatted));
            var check = gtin.Formatted[^1];
            foreach (var wrong in "0123456789".Where(c => c != check))
            {
                Assert.False(Gtin.TryParse(data + wrong, out _));
            }
        }
    }
}
