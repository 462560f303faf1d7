using DisclosurePortal.Core.Synthetic;
using DisclosurePortal.Data.Catalog;
using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Demo;

/// <summary>A demo sign-in printed to the console so a first-time user can try each role.</summary>
public sealed record DemoLogin(string Role, string Email, string Password, string? Company);

/// <summary>
/// Fills an empty database with clearly labelled demo data: a synthetic catalog, one open request,
/// two companies with a respondent each, an admin and a reviewer. Never used in Production.
/// </summary>
public sealed class DemoSeeder(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    public const int CatalogSize = 3000;
    public const string Password = "Demo-Portal-2026!";
    public const string LabelName = "Aurora Records";
    private const int BatchSize = 1000;

    public static readonly IReadOnlyList<DemoLogin> Logins =
    [
        new(PortalRoles.Admin, "admin@demo.disclosure.test", Password, null),
        new(PortalRoles.Reviewer, "reviewer@demo.disclosure.test", Password, null),
        new(PortalRoles.Respondent, "respondent@northwind-ai.demo.test", Password, "Northwind AI (demo)"),
        new(PortalRoles.Respondent, "respondent@tessellate.demo.test", Password, "Tessellate Labs (demo)"),
    ];

    /// <summary>The demo sign-ins as lines for a console: who, e-mail, and the shared password last.</summary>
    public static IEnumerable<string> SignInLines()
    {
        foreach (var login in Logins)
        {
            var who = login.Company is null ? login.Role : $"{login.Role} ({login.Company})";
            yield return $"{who,-38} {login.Email}";
        }

        yield return $"Password for every demo sign-in: {Password}";
    }

    /// <summary>Seeds when the database holds no users yet; returns whether it did.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await SeedCatalogAsync(cancellationToken);
        var request = new DisclosureRequest
        {
            Title = $"{LabelName} — disclosure of AI training use (demo)",
            LetterText = DemoLetter,
            ReservationDate = new DateOnly(2024, 5, 16),
            Deadline = new DateTimeOffset(now.UtcDateTime.Date.AddDays(21).AddHours(17), TimeSpan.Zero),
            State = RequestState.Sent,
            SentAt = now,
            IsDemo = true,
            CreatedAt = now,
        };
        db.Requests.Add(request);

        var companies = new Dictionary<string, Company>();
        foreach (var name in Logins.Select(l => l.Company).OfType<string>())
        {
            var company = new Company
            {
                Name = name,
                LegalEntity = name.Replace(" (demo)", " Ltd (demo)", StringComparison.Ordinal),
                Country = companies.Count == 0 ? "United Kingdom" : "Germany",
                Contacts = [new CompanyContact { Name = "Demo respondent", Email = Logins.First(l => l.Company == name).Email, CreatedAt = now }],
                IsDemo = true,
                CreatedAt = now,
            };
            companies[name] = company;

            // The demo respondents already have accounts: as if their invitations had gone out.
            request.Responses.Add(new DisclosureResponse { Company = company, InvitedAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var login in Logins)
        {
            await CreateUserAsync(login, login.Company is null ? null : companies[login.Company].Id, now);
        }

        return true;
    }

    private async Task SeedCatalogAsync(CancellationToken cancellationToken)
    {
        foreach (var batch in SyntheticCatalog.Generate(CatalogSize).Chunk(BatchSize))
        {
            db.CatalogRecordings.AddRange(batch.Select(r => new CatalogRecording
            {
                Isrc = r.Isrc.Value,
                Title = r.Title,
                Artist = r.Artist,
                TitleKey = CatalogKeys.Title(r.Title),
                ArtistKey = CatalogKeys.Artist(r.Artist),
                DurationSeconds = r.DurationSeconds,
                ReleaseYear = r.ReleaseYear,
                IsDemo = true,
            }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private async Task CreateUserAsync(DemoLogin login, int? companyId, DateTimeOffset now)
    {
        var user = new PortalUser
        {
            UserName = login.Email,
            Email = login.Email,
            EmailConfirmed = true,
            DisplayName = $"Demo {login.Role.ToLowerInvariant()}",
            CompanyId = companyId,
            IsLeadRespondent = companyId is not null,
            CreatedAt = now,
        };
        var result = await users.CreateAsync(user, login.Password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, login.Role);
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create demo user {login.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    private const string DemoLetter = """
        **Demo letter — not a real request.**

        Aurora Records and its affiliates reserve all rights in their recordings, compositions, lyrics, audiovisual recordings, artwork and metadata against text-and-data mining and against the training, development or commercialisation of AI systems, with effect from 16 May 2024.

        Please tell us, by the deadline shown on this portal:

        - whether you used any of our content for text-and-data mining or AI training;
        - which works, and how you obtained them;
        - how many copies you made, whether you still keep them, for how long and why.

        Upload the list of works you used on this portal.
        """;
}
