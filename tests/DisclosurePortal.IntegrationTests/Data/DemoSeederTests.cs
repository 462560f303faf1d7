using DisclosurePortal.Core.Identifiers;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Demo;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Data;

/// <summary>The demo seeder fills an empty database with exactly the documented data, once.</summary>
public abstract class DemoSeederTests(DatabaseFixture database)
{
    [SkippableFact]
    public async Task Seeds_the_documented_demo_data_once()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        var services = database.Services;

        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff();
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync());
        }

        await using (var db = database.CreateContext())
        {
            // Catalog: 3000 recordings, each with a canonical, valid and unique ISRC and keys from the one normaliser.
            var recordings = await db.CatalogRecordings.AsNoTracking().ToListAsync();
            Assert.Equal(DemoSeeder.CatalogSize, recordings.Count);
            Assert.Equal(3000, recordings.Count);
            Assert.All(recordings, r =>
            {
                Assert.True(Isrc.TryParse(r.Isrc, out var isrc), $"'{r.Isrc}' is not a valid ISRC");
                Assert.Equal(isrc.Value, r.Isrc);
                Assert.True(r.IsDemo);
                Assert.Equal(TextNormaliser.Key(r.Title), r.TitleKey);
                Assert.Equal(TextNormaliser.Key(r.Artist), r.ArtistKey);
            });
            Assert.Equal(recordings.Count, recordings.Select(r => r.Isrc).Distinct(StringComparer.Ordinal).Count());

            // One sent request, due at 17:00 UTC 21 days after the seeding day.
            var request = Assert.Single(await db.Requests.Include(r => r.Responses).ToListAsync());
            Assert.Equal(RequestState.Sent, request.State);
            Assert.True(request.IsDemo);
            Assert.Equal(TestData.Now, request.SentAt);
            Assert.Equal(new DateTimeOffset(2026, 3, 23, 17, 0, 0, TimeSpan.Zero), request.Deadline);
            Assert.InRange(request.Deadline - TestData.Now, TimeSpan.FromDays(20), TimeSpan.FromDays(22));

            // Two demo companies, each with its response to that request.
            var companies = await db.Companies.OrderBy(c => c.Name).ToListAsync();
            Assert.Equal(["Northwind AI (demo)", "Tessellate Labs (demo)"], companies.Select(c => c.Name));
            Assert.All(companies, c => Assert.True(c.IsDemo));
            Assert.Equal(companies.Select(c => c.Id).Order(), request.Responses.Select(r => r.CompanyId).Order());
        }

        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.Equal(DemoSeeder.Logins.Count, await db.Users.CountAsync());
            Assert.Equal(4, DemoSeeder.Logins.Count);
            foreach (var login in DemoSeeder.Logins)
            {
                var user = await users.FindByEmailAsync(login.Email);
                Assert.NotNull(user);
                Assert.Equal([login.Role], await users.GetRolesAsync(user));
                Assert.True(await users.CheckPasswordAsync(user, login.Password), $"{login.Email} cannot sign in with the printed password");
                if (login.Company is null)
                {
                    Assert.Null(user.CompanyId);
                }
                else
                {
                    var company = await db.Companies.SingleAsync(c => c.Id == user.CompanyId);
                    Assert.Equal(login.Company, company.Name);
                }
            }

            // A second run finds users and adds nothing.
            Assert.False(await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync());
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(DemoSeeder.CatalogSize, await db.CatalogRecordings.CountAsync());
            Assert.Equal(1, await db.Requests.CountAsync());
            Assert.Equal(2, await db.Companies.CountAsync());
            Assert.Equal(2, await db.Responses.CountAsync());
            Assert.Equal(4, await db.Users.CountAsync());
        }
    }
}

public sealed class DemoSeederTestsOnSqlite(SqliteDatabaseFixture database) : DemoSeederTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class DemoSeederTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : DemoSeederTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
