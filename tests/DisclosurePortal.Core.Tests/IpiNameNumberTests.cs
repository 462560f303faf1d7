using DisclosurePortal.Core.Identifiers;

namespace DisclosurePortal.Core.Tests;

public class IpiNameNumberTests
{
    // Real published IPI name numbers (Benny Hill; three names of Prince).
    [Theory]
    [InlineData("00014107338", "00014107338")]
    [InlineData("00045620792", "00045620792")]
    [InlineData("00052210040", "00052210040")]
    [InlineData("00334284961", "00334284961")]
    [InlineData("14107338", "00014107338")]          // leading zeros dropped
    [InlineData("334 284 961", "00334284961")]
    [InlineData("IPI: 00045620792", "00045620792")]
    [InlineData("IPI Name Number 000.456.207.92", "00045620792")]
    [InlineData("CAE/IPI 52210040", "00052210040")]
    public void Parses_the_forms_people_paste(string text, string canonical)
    {
        Assert.True(IpiNameNumber.TryParse(text, out var ipi));
        Assert.Equal(canonical, ipi.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("00014107339")]    // wrong check digits
    [InlineData("00014170338")]    // transposed digits
    [InlineData("000141073380")]   // twelve digits
    [InlineData("0001410733A")]    // a letter
    [InlineData("I-001068130-6")]  // an IPI base number, not a name number
    public void Refuses_invalid_codes(string? text)
    {
        Assert.False(IpiNameNumber.TryParse(text, out _));
    }

    [Fact]
    public void Generated_numbers_round_trip_and_every_other_check_pair_fails()
    {
        var random = new Random(23);
        for (var n = 0; n < 300; n++)
        {
            var ipi = IpiNameNumber.FromBaseDigits(random.Next(1_000_000_000));
            Assert.Equal(ipi, IpiNameNumber.Parse(ipi.Value.TrimStart('0')));
            for (var check = 0; check < 100; check++)
            {
                var candidate = ipi.Value[..9] + check.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(candidate == ipi.Value, IpiNameNumber.TryParse(candidate, out _));
            }
        }
    }
}
