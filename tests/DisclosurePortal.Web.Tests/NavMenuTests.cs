using Bunit;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Components.Layout;
using MudBlazor.Services;

namespace DisclosurePortal.Web.Tests;

public class NavMenuTests : BunitContext
{
    public NavMenuTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private List<string> LinksFor(params string[] roles)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("someone@example.test");
        auth.SetRoles(roles);
        var cut = Render<NavMenu>();
        return cut.FindAll("a").Select(a => a.GetAttribute("href") ?? string.Empty).ToList();
    }

    [Fact]
    public void Admin_sees_administration_and_review()
    {
        var links = LinksFor(PortalRoles.Admin);
        Assert.Contains("requests", links);
        Assert.Contains("admin/users", links);
        Assert.Contains("admin/outbox", links);
        Assert.Contains("admin/extensions", links);
        Assert.Contains("admin/send-log", links);
        Assert.Contains("admin/audit", links);
        Assert.Contains("review", links);
        Assert.Contains("catalog", links);
        Assert.DoesNotContain("response", links);
    }

    [Fact]
    public void Reviewer_sees_review_but_not_administration()
    {
        var links = LinksFor(PortalRoles.Reviewer);
        Assert.Contains("review", links);
        Assert.Contains("review/queue", links);
        Assert.Contains("catalog", links);
        Assert.DoesNotContain("requests", links);
        Assert.DoesNotContain("admin/users", links);
        Assert.DoesNotContain("admin/outbox", links);
        Assert.DoesNotContain("admin/send-log", links);
        Assert.DoesNotContain("admin/audit", links);
        Assert.DoesNotContain("response", links);
    }

    [Fact]
    public void Respondent_sees_only_its_response()
    {
        var links = LinksFor(PortalRoles.Respondent);
        Assert.Contains("response", links);
        Assert.Contains("response/questionnaire", links);
        Assert.Contains("response/submit", links);
        Assert.Contains("response/versions", links);
        Assert.Contains("response/extension", links);
        Assert.DoesNotContain("admin/extensions", links);
        Assert.Contains("company/colleagues", links);
        Assert.DoesNotContain("review", links);
        Assert.DoesNotContain("admin/send-log", links);
        Assert.DoesNotContain("admin/audit", links);
        Assert.DoesNotContain("catalog", links);
        Assert.DoesNotContain("requests", links);
        Assert.DoesNotContain("admin/users", links);
    }

    [Fact]
    public void Signed_out_visitor_sees_no_links()
    {
        AddAuthorization();
        var cut = Render<NavMenu>();
        Assert.Empty(cut.FindAll("a"));
    }
}
