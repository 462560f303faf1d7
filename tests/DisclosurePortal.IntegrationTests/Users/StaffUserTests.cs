using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Users;

/// <summary>Admins create staff, change them between admin and reviewer, and disable them; the portal always keeps an active admin.</summary>
public sealed class StaffUserTests(SqliteDatabaseFixture database) : IClassFixture<SqliteDatabaseFixture>
{
    private const string Password = "Staff-Member-2026!";

    [Fact]
    public async Task Staff_change_roles_but_the_last_active_admin_stays_and_nobody_changes_their_own()
    {
        await database.EnsureInitializedAsync();
        await using var scope = database.Services.SignedInScope(TestUsers.Admin("acting-admin"));
        var staff = scope.ServiceProvider.GetRequiredService<StaffUserService>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.Empty(await staff.CreateAsync("first.admin@label.example", "First Admin", PortalRoles.Admin, null, Password));
        Assert.Empty(await staff.CreateAsync("analyst@label.example", "An Analyst", PortalRoles.Reviewer, null, Password));
        Assert.Equal(["The e-mail address: 'not-an-address' is not an e-mail address."], await staff.CreateAsync("not-an-address", "X", PortalRoles.Reviewer, null, Password));
        var admin = (await users.FindByEmailAsync("first.admin@label.example"))!;
        var analyst = (await users.FindByEmailAsync("analyst@label.example"))!;
        var stamp = analyst.SecurityStamp;

        Assert.Equal(["This is the last active admin: make someone else an admin first."], await staff.ChangeRoleAsync(admin.Id, PortalRoles.Reviewer));
        await Assert.ThrowsAsync<InvalidOperationException>(() => staff.SetDisabledAsync(admin.Id, true));

        Assert.Empty(await staff.ChangeRoleAsync(analyst.Id, PortalRoles.Admin));
        Assert.Equal([PortalRoles.Admin], await users.GetRolesAsync((await users.FindByIdAsync(analyst.Id))!));
        Assert.NotEqual(stamp, (await users.FindByIdAsync(analyst.Id))!.SecurityStamp);
        Assert.Empty(await staff.ChangeRoleAsync(admin.Id, PortalRoles.Reviewer));
        Assert.Equal([PortalRoles.Reviewer], await users.GetRolesAsync((await users.FindByIdAsync(admin.Id))!));

        Assert.Equal(["Staff are admins or reviewers."], await staff.ChangeRoleAsync(admin.Id, PortalRoles.Respondent));
        Assert.Equal(["You cannot change your own role; another admin can."], await staff.ChangeRoleAsync("acting-admin", PortalRoles.Reviewer));

        var rows = await staff.ListAsync();
        Assert.Equal(PortalRoles.Reviewer, rows.Single(r => r.Id == admin.Id).Role);
        await using var reviewer = database.Services.SignedInScope(TestUsers.Reviewer());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => reviewer.ServiceProvider.GetRequiredService<StaffUserService>().ChangeRoleAsync(admin.Id, PortalRoles.Admin));
    }

    [Fact]
    public async Task A_respondent_does_not_become_staff()
    {
        await database.EnsureInitializedAsync();
        int companyId;
        await using (var db = database.CreateContext())
        {
            companyId = (await TestData.CreateTwoCompaniesAsync(db)).A.Id;
        }

        await using var scope = database.Services.SignedInScope(TestUsers.Admin("acting-admin"));
        var staff = scope.ServiceProvider.GetRequiredService<StaffUserService>();
        Assert.Empty(await staff.CreateAsync("answers@company.example", "Answering Person", PortalRoles.Respondent, companyId, Password));
        var respondent = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync("answers@company.example"))!;

        Assert.Equal(["A company's respondent cannot become label staff; create a staff account for the person instead."], await staff.ChangeRoleAsync(respondent.Id, PortalRoles.Admin));
    }
}
