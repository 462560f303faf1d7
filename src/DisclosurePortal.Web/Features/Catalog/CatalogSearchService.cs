using DisclosurePortal.Data;
using DisclosurePortal.Data.Catalog;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Catalog;

/// <summary>Staff search over the catalog (see <see cref="CatalogSearch"/>); respondents are refused.</summary>
public sealed class CatalogSearchService(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session)
{
    public async Task<CatalogPage> SearchAsync(CatalogQuery query, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CatalogSearch.SearchAsync(db, query, page, pageSize, cancellationToken);
    }
}
