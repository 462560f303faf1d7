using DisclosurePortal.Core.Tables;

namespace DisclosurePortal.Core.Companies;

/// <summary>The fields a company list can carry.</summary>
public enum CompanyField
{
    Name,
    LegalEntity,
    Country,
    ContactName,

    /// <summary>Any number of columns: "Email", "Email 2", "Additional e-mails"…</summary>
    Email,
}

/// <summary>Maps a company list's header to fields by the names people's spreadsheets use.</summary>
public static class CompanyColumns
{
    private static readonly Dictionary<string, CompanyField> Names = new(StringComparer.Ordinal)
    {
        ["name"] = CompanyField.Name, ["company"] = CompanyField.Name, ["companyname"] = CompanyField.Name,
        ["organisation"] = CompanyField.Name, ["organization"] = CompanyField.Name, ["organisationname"] = CompanyField.Name,
        ["organizationname"] = CompanyField.Name, ["recipient"] = CompanyField.Name, ["recipientname"] = CompanyField.Name,
        ["tradingname"] = CompanyField.Name, ["brand"] = CompanyField.Name, ["service"] = CompanyField.Name,
        ["legalentity"] = CompanyField.LegalEntity, ["legalname"] = CompanyField.LegalEntity, ["entity"] = CompanyField.LegalEntity,
        ["registeredname"] = CompanyField.LegalEntity, ["legalentityname"] = CompanyField.LegalEntity, ["registeredentity"] = CompanyField.LegalEntity,
        ["companylegalname"] = CompanyField.LegalEntity,
        ["country"] = CompanyField.Country, ["countrycode"] = CompanyField.Country, ["jurisdiction"] = CompanyField.Country,
        ["countryofincorporation"] = CompanyField.Country,
        ["contact"] = CompanyField.ContactName, ["contactname"] = CompanyField.ContactName, ["contactperson"] = CompanyField.ContactName,
        ["contactnames"] = CompanyField.ContactName, ["contacts"] = CompanyField.ContactName, ["person"] = CompanyField.ContactName,
    };

    /// <summary>
    /// Each field's columns in file order. Every e-mail column is kept ("Email", "E-mail 2", "CC e-mails"); of the
    /// other fields the first matching column wins.
    /// </summary>
    public static Dictionary<CompanyField, List<int>> Map(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var mapping = new Dictionary<CompanyField, List<int>>();
        for (var i = 0; i < headers.Count; i++)
        {
            var compact = HeaderText.Compact(headers[i]);
            if (Names.TryGetValue(compact, out var field))
            {
                if (!mapping.ContainsKey(field))
                {
                    mapping[field] = [i];
                }
            }
            else if (compact.Contains("email", StringComparison.Ordinal) || compact is "mail" or "mails")
            {
                (mapping.TryGetValue(CompanyField.Email, out var columns) ? columns : mapping[CompanyField.Email] = []).Add(i);
            }
        }

        return mapping;
    }
}
