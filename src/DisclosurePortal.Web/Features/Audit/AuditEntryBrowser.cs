using DisclosurePortal.Core.Auditing;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Audit;

/// <summary>What the admin narrows the trail to; empty fields do not filter. Dates are UTC days, both included.</summary>
public sealed class AuditFilter
{
    public string? Action { get; set; }

    public string? Actor { get; set; }

    public int? CompanyId { get; set; }

    public string? EntityType { get; set; }

    public string? EntityId { get; set; }

    public DateTime? From { get; set; }

    public DateTime? To { get; set; }

    public bool IsEmpty => Action is null && string.IsNullOrWhiteSpace(Actor) && CompanyId is null && EntityType is null && string.IsNullOrWhiteSpace(EntityId) && From is null && To is null;
}

public sealed record AuditRow(long Sequence, DateTimeOffset At, string ActorName, string ActorId, string Action, int? CompanyId, string? CompanyName, string EntityType, string EntityId);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total);

public sealed record AuditCompanyOption(int Id, string Name);

/// <summary>The admin's view of the audit trail: server-side pages newest first, one entry in full, and the chain check.</summary>
public sealed class AuditEntryBrowser(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session)
{
    public async Task<AuditPage> PageAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db.AuditEntries.AsNoTracking(), filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(e => e.Sequence).Skip(skip).Take(Math.Clamp(take, 1, 200))
            .Select(e => new AuditRow(e.Sequence, e.At, e.ActorName, e.ActorId, e.Action, e.CompanyId,
                db.Companies.Where(c => c.Id == e.CompanyId).Select(c => c.Name).FirstOrDefault(), e.EntityType, e.EntityId))
            .ToListAsync(cancellationToken);
        return new AuditPage(rows, total);
    }

    public async Task<AuditEntry?> FindAsync(long sequence)
    {
        await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Sequence == sequence);
    }

    public async Task<IReadOnlyList<AuditCompanyOption>> CompaniesAsync()
    {
        await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Companies.AsNoTracking().OrderBy(c => c.Name).Select(c => new AuditCompanyOption(c.Id, c.Name)).ToListAsync();
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync()
    {
        await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync();
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await AuditTrailCheck.VerifyAsync(db, cancellationToken: cancellationToken);
    }

    private static IQueryable<AuditEntry> Filtered(IQueryable<AuditEntry> query, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            query = query.Where(e => e.ActorId == actor || e.ActorName.Contains(actor));
        }

        if (filter.CompanyId is { } companyId)
        {
            query = query.Where(e => e.CompanyId == companyId);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(e => e.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            var id = filter.EntityId.Trim();
            query = query.Where(e => e.EntityId == id);
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(DateTime.SpecifyKind(from.Date, DateTimeKind.Utc));
            query = query.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(DateTime.SpecifyKind(to.Date.AddDays(1), DateTimeKind.Utc));
            query = query.Where(e => e.At < end);
        }

        return query;
    }
}
