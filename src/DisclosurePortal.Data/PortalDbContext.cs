using System.Linq.Expressions;
using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DisclosurePortal.Data;

public class PortalDbContext(DbContextOptions<PortalDbContext> options, CompanyScope scope)
    : IdentityDbContext<PortalUser>(options)
{
    public DbSet<Company> Companies => Set<Company>();

    public DbSet<DisclosureRequest> Requests => Set<DisclosureRequest>();

    public DbSet<DisclosureResponse> Responses => Set<DisclosureResponse>();

    public DbSet<CatalogRecording> CatalogRecordings => Set<CatalogRecording>();

    public DbSet<CatalogComposition> CatalogCompositions => Set<CatalogComposition>();

    public DbSet<CompositionWriter> CompositionWriters => Set<CompositionWriter>();

    public DbSet<CatalogRelease> CatalogReleases => Set<CatalogRelease>();

    public DbSet<ReleaseTrack> ReleaseTracks => Set<ReleaseTrack>();

    public DbSet<CatalogVersion> CatalogVersions => Set<CatalogVersion>();

    public DbSet<WorkListUpload> WorkListUploads => Set<WorkListUpload>();

    public DbSet<WorkListEntry> WorkListEntries => Set<WorkListEntry>();

    public DbSet<CompanyColumnMapping> CompanyColumnMappings => Set<CompanyColumnMapping>();

    public DbSet<MatchCandidate> MatchCandidates => Set<MatchCandidate>();

    public DbSet<MatchDecision> MatchDecisions => Set<MatchDecision>();

    public DbSet<MatchDecisionChange> MatchDecisionChanges => Set<MatchDecisionChange>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<BackgroundJob> BackgroundJobs => Set<BackgroundJob>();

    public DbSet<ResponseVersion> ResponseVersions => Set<ResponseVersion>();

    public DbSet<ResponseVersionUpload> ResponseVersionUploads => Set<ResponseVersionUpload>();

    public DbSet<ResponseAttachment> ResponseAttachments => Set<ResponseAttachment>();

    public DbSet<ExtensionRequest> ExtensionRequests => Set<ExtensionRequest>();
    public DbSet<CompanyContact> CompanyContacts => Set<CompanyContact>();

    public DbSet<RequestMessageTemplate> MessageTemplates => Set<RequestMessageTemplate>();

    public DbSet<OutgoingMessage> OutgoingMessages => Set<OutgoingMessage>();

    public DbSet<ResponseReminder> ResponseReminders => Set<ResponseReminder>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    public CompanyScope Scope => scope;

    // Read by the query filters at execution time, so each context filters by its own scope.
    private int? ScopeCompanyId => scope.CompanyId;

    private bool ScopeIsStaff => scope.IsStaff;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AuditChainAppend.RefuseRewrites(ChangeTracker);
        return AuditChainAppend.Staged(ChangeTracker).Count == 0
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new InvalidOperationException("Audit entries are linked into the chain by SaveChangesAsync only.");
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditChainAppend.RefuseRewrites(ChangeTracker);
        var staged = AuditChainAppend.Staged(ChangeTracker);
        return staged.Count == 0
            ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
            : await AuditChainAppend.SaveAsync(this, staged, accept => base.SaveChangesAsync(accept, cancellationToken), acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite cannot compare or sort DateTimeOffset text; store it as a sortable integer.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        FilterByCompany<DisclosureResponse>(builder);
        FilterByCompany<WorkListUpload>(builder);
        FilterByCompany<WorkListEntry>(builder);
        FilterByCompany<MatchCandidate>(builder);
        FilterByCompany<MatchDecision>(builder);
        FilterByCompany<MatchDecisionChange>(builder);
        FilterByOptionalCompany<BackgroundJob>(builder);
        FilterByCompany<ResponseVersion>(builder);
        FilterByCompany<ResponseVersionUpload>(builder);
        FilterByCompany<ResponseAttachment>(builder);
        FilterByCompany<ExtensionRequest>(builder);
        FilterByCompany<CompanyContact>(builder);
        FilterByCompany<Invitation>(builder);
        FilterByCompany<ResponseReminder>(builder);
        FilterByCompany<CompanyColumnMapping>(builder);

        // A respondent sees its own company's row and no other; the send log and the templates are for staff only.
        builder.Entity<Company>().HasQueryFilter(c => ScopeIsStaff || c.Id == ScopeCompanyId);
        builder.Entity<OutgoingMessage>().HasQueryFilter(m => ScopeIsStaff);
        builder.Entity<RequestMessageTemplate>().HasQueryFilter(t => ScopeIsStaff);
        builder.Entity<AuditEntry>().HasQueryFilter(e => ScopeIsStaff);
    }

    private void FilterByCompany<T>(ModelBuilder builder)
        where T : class, ICompanyOwned
    {
        Expression<Func<T, bool>> filter = e => ScopeIsStaff || e.CompanyId == ScopeCompanyId;
        builder.Entity<T>().HasQueryFilter(filter);
    }

    // A record of no company is staff-only: without the null check the default scope (no company) would match it.
    private void FilterByOptionalCompany<T>(ModelBuilder builder)
        where T : class, IOptionallyCompanyOwned
    {
        Expression<Func<T, bool>> filter = e => ScopeIsStaff || (e.CompanyId != null && e.CompanyId == ScopeCompanyId);
        builder.Entity<T>().HasQueryFilter(filter);
    }
}
