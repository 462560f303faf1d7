using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Web.Features.Audit;
using DisclosurePortal.Core.Companies;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Companies;

/// <summary>A company as the editor form holds it.</summary>
public sealed class CompanyDraft
{
    public int? Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? LegalEntity { get; set; }

    public string? Country { get; set; }

    public List<ContactDraft> Contacts { get; set; } = [];
}

public sealed class ContactDraft
{
    public int? Id { get; set; }

    public string? Name { get; set; }

    public string Email { get; set; } = string.Empty;
}

/// <summary>Admins add a company by hand (into a request) and edit its facts and contacts; the same checks as an import.</summary>
public sealed class CompanyEditorService(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session, TimeProvider clock, AuditTrail audit, ILogger<CompanyEditorService> logger)
{
    public async Task<CompanyDraft?> GetAsync(int companyId)
    {
        await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var company = await db.Companies.AsNoTracking().Include(c => c.Contacts).SingleOrDefaultAsync(c => c.Id == companyId);
        return company is null ? null : new CompanyDraft
        {
            Id = company.Id,
            Name = company.Name,
            LegalEntity = company.LegalEntity,
            Country = company.Country,
            Contacts = company.Contacts.OrderBy(c => c.Id).Select(c => new ContactDraft { Id = c.Id, Name = c.Name, Email = c.Email }).ToList(),
        };
    }

    /// <summary>Saves the company (and links a new one to <paramref name="requestId"/>); returns its id, or the problems in words.</summary>
    public async Task<(int? Id, IReadOnlyList<string> Problems)> SaveAsync(CompanyDraft draft, int? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var admin = await session.RequireAdminAsync();
        var (contacts, problems) = Check(draft);
        await using var db = await dbFactory.CreateDbContextAsync();
        var key = CompanyNames.Key(draft.Name);
        if (key.Length > 0 && await db.Companies.Where(c => c.NormalizedName == key && c.Id != draft.Id).Select(c => c.Name).FirstOrDefaultAsync() is { } same)
        {
            problems.Add($"'{same}' is already in the portal: a company is there once, however its name is spelled.");
        }

        var emails = contacts.Select(c => c.Email).ToList();
        foreach (var taken in await db.CompanyContacts.Where(c => emails.Contains(c.Email) && c.CompanyId != draft.Id).Select(c => new { c.Email, c.Company!.Name }).ToListAsync())
        {
            problems.Add($"{taken.Email} is already a contact of '{taken.Name}'.");
        }

        if (requestId is { } rid && await db.Requests.Where(r => r.Id == rid).Select(r => (RequestState?)r.State).SingleOrDefaultAsync() is not (RequestState.Draft or RequestState.Sent))
        {
            problems.Add("The request is closed or gone: companies can no longer be added to it.");
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var now = clock.GetUtcNow();
        var company = draft.Id is { } id ? await db.Companies.Include(c => c.Contacts).SingleOrDefaultAsync(c => c.Id == id) : null;
        if (draft.Id is not null && company is null)
        {
            return (null, ["This company no longer exists."]);
        }

        var before = company is null ? null : Facts(company);
        if (company is null)
        {
            company = new Company { CreatedAt = now };
            db.Companies.Add(company);
        }

        company.Name = draft.Name.Trim();
        company.LegalEntity = Blank(draft.LegalEntity);
        company.Country = Blank(draft.Country);
        company.Contacts.RemoveAll(c => contacts.All(d => d.Email != c.Email));
        foreach (var contact in contacts)
        {
            if (company.Contacts.FirstOrDefault(c => c.Email == contact.Email) is { } kept)
            {
                kept.Name = contact.Name;
            }
            else
            {
                company.Contacts.Add(new CompanyContact { Name = contact.Name, Email = contact.Email, CreatedAt = now });
            }
        }

        if (requestId is { } request && (company.Id == 0 || !await db.Responses.AnyAsync(r => r.RequestId == request && r.CompanyId == company.Id)))
        {
            db.Responses.Add(new DisclosureResponse { RequestId = request, Company = company });
        }

        await audit.RecordAsync(db, AuditActions.CompanyChanged, company, company.Id == 0 ? null : company.Id, before, Facts(company));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "Saving company {CompanyId} collided with another change", draft.Id);
            return (null, ["Someone changed the companies at the same moment; nothing was saved. Check the names and addresses and save again."]);
        }

        logger.LogInformation("Company {CompanyId} saved by {UserId} ({Contacts} contacts)", company.Id, admin.UserId, company.Contacts.Count);
        return (company.Id, []);
    }

    /// <summary>The form's own rules: a name, lengths, well-formed and distinct addresses.</summary>
    private static (List<CompanyContactRow> Contacts, List<string> Problems) Check(CompanyDraft draft)
    {
        var problems = new List<string>();
        if (CompanyNames.Key(draft.Name).Length == 0)
        {
            problems.Add("Give the company's name.");
        }
        else if (draft.Name.Trim().Length > CompanyNames.MaxLength)
        {
            problems.Add($"Keep the name under {CompanyNames.MaxLength} characters.");
        }

        if (Blank(draft.LegalEntity)?.Length > CompanyFileReader.MaxLegalEntityLength || Blank(draft.Country)?.Length > CompanyFileReader.MaxCountryLength)
        {
            problems.Add($"Keep the legal entity under {CompanyFileReader.MaxLegalEntityLength} characters and the country under {CompanyFileReader.MaxCountryLength}.");
        }

        var contacts = new List<CompanyContactRow>();
        foreach (var contact in draft.Contacts.Where(c => !string.IsNullOrWhiteSpace(c.Email) || !string.IsNullOrWhiteSpace(c.Name)))
        {
            if (!ContactEmail.TryParse(contact.Email, out var email, out var reason))
            {
                problems.Add($"Contact {contact.Name?.Trim()}: {reason}.".Replace(" :", ":", StringComparison.Ordinal));
            }
            else if (contacts.Any(c => c.Email == email))
            {
                problems.Add($"{email} is listed twice.");
            }
            else if (Blank(contact.Name)?.Length > CompanyFileReader.MaxContactNameLength)
            {
                problems.Add($"Keep contact names under {CompanyFileReader.MaxContactNameLength} characters.");
            }
            else
            {
                contacts.Add(new CompanyContactRow(Blank(contact.Name), email));
            }
        }

        if (contacts.Count > CompanyFileReader.MaxContacts)
        {
            problems.Add($"At most {CompanyFileReader.MaxContacts} contacts per company.");
        }

        return (contacts, problems);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static object Facts(Company company) =>
        new { company.Name, company.LegalEntity, company.Country, Contacts = company.Contacts.Select(c => new { c.Name, c.Email }).ToList() };
}
