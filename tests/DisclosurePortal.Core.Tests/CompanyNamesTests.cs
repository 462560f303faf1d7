using DisclosurePortal.Core.Companies;

namespace DisclosurePortal.Core.Tests;

public class CompanyNamesTests
{
    [Theory]
    [InlineData("Northwind AI", "northwind ai")]
    [InlineData("  NORTHWIND A.I. Ltd. ", "northwind ai")]
    [InlineData("Northwind AI Limited", "northwind ai")]
    [InlineData("Société Générale S.A.", "societe generale")]
    [InlineData("Müller & Söhne GmbH & Co. KG", "muller and sohne gmbh and")]
    [InlineData("The Tessellate Company", "tessellate")]
    [InlineData("Ltd", "ltd")]
    public void Spellings_of_one_company_share_a_key(string name, string key) => Assert.Equal(key, CompanyNames.Key(name));

    [Fact]
    public void Different_companies_keep_different_keys() =>
        Assert.NotEqual(CompanyNames.Key("Northwind AI"), CompanyNames.Key("Northwind Audio"));
}
