using DisclosurePortal.Core.WorkLists;
using DisclosurePortal.Core.Companies;
using DisclosurePortal.Core.Messages;
using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.HasOne(u => u.Company).WithMany().HasForeignKey(u => u.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(CompanyNames.MaxLength).IsRequired();
        builder.Property(c => c.NormalizedName).HasMaxLength(CompanyNames.MaxLength);
        builder.Property(c => c.LegalEntity).HasMaxLength(CompanyFileReader.MaxLegalEntityLength);
        builder.Property(c => c.Country).HasMaxLength(CompanyFileReader.MaxCountryLength);
        builder.HasIndex(c => c.Name);
        builder.HasIndex(c => c.NormalizedName).IsUnique();
        builder.HasMany(c => c.Contacts).WithOne(c => c.Company).HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CompanyContactConfiguration : IEntityTypeConfiguration<CompanyContact>
{
    public void Configure(EntityTypeBuilder<CompanyContact> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(CompanyFileReader.MaxContactNameLength);
        builder.Property(c => c.Email).HasMaxLength(ContactEmail.MaxLength).IsRequired();
        builder.HasIndex(c => c.Email).IsUnique();
        builder.HasIndex(c => c.CompanyId);
    }
}

internal sealed class DisclosureRequestConfiguration : IEntityTypeConfiguration<DisclosureRequest>
{
    public void Configure(EntityTypeBuilder<DisclosureRequest> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(300).IsRequired();
        builder.Property(r => r.ReminderDays).HasMaxLength(50).IsRequired();
        builder.Property(r => r.LinkOrigin).HasMaxLength(300);
        builder.HasMany(r => r.Responses).WithOne(r => r.Request).HasForeignKey(r => r.RequestId);
        builder.HasMany(r => r.MessageTemplates).WithOne().HasForeignKey(t => t.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequestMessageTemplateConfiguration : IEntityTypeConfiguration<RequestMessageTemplate>
{
    public void Configure(EntityTypeBuilder<RequestMessageTemplate> builder)
    {
        builder.Property(t => t.Subject).HasMaxLength(MessageDefaults.MaxSubjectLength).IsRequired();
        builder.Property(t => t.Body).HasMaxLength(MessageDefaults.MaxBodyLength).IsRequired();
        builder.HasIndex(t => new { t.RequestId, t.Kind, t.DaysBefore }).IsUnique();
    }
}

internal sealed class DisclosureResponseConfiguration : IEntityTypeConfiguration<DisclosureResponse>
{
    public void Configure(EntityTypeBuilder<DisclosureResponse> builder)
    {
        builder.HasOne(r => r.Company).WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.RequestId, r.CompanyId }).IsUnique();
        builder.HasIndex(r => r.CompanyId);
        builder.Property(r => r.ExtensionStatus).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class WorkListUploadConfiguration : IEntityTypeConfiguration<WorkListUpload>
{
    public const int ColumnMappingLength = 2000;

    public void Configure(EntityTypeBuilder<WorkListUpload> builder)
    {
        builder.Property(u => u.FileName).HasMaxLength(260).IsRequired();
        builder.Property(u => u.StoredName).HasMaxLength(100).IsRequired();
        builder.Property(u => u.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(u => u.UploadedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(u => u.RefusalReason).HasMaxLength(2000);
        builder.Property(u => u.Format).HasMaxLength(200);
        builder.Property(u => u.HeaderKey).HasMaxLength(WorkListRowIdentity.HashLength).IsFixedLength();
        builder.Property(u => u.ColumnMapping).HasMaxLength(ColumnMappingLength);
        builder.HasOne(u => u.Response).WithMany().HasForeignKey(u => u.ResponseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.CompanyId, u.UploadedAt });
        builder.HasIndex(u => u.MatchRunId);
    }
}

internal sealed class WorkListEntryConfiguration : IEntityTypeConfiguration<WorkListEntry>
{
    public void Configure(EntityTypeBuilder<WorkListEntry> builder)
    {
        builder.Property(e => e.Title).HasMaxLength(1000);
        builder.Property(e => e.Artist).HasMaxLength(1000);
        builder.Property(e => e.Isrc).HasMaxLength(100);
        builder.Property(e => e.Album).HasMaxLength(1000);
        builder.Property(e => e.Iswc).HasMaxLength(100);
        builder.Property(e => e.Upc).HasMaxLength(100);
        builder.Property(e => e.Dataset).HasMaxLength(500);
        builder.Property(e => e.AccessMethod).HasMaxLength(500);
        builder.Property(e => e.Retained).HasMaxLength(500);
        builder.Property(e => e.Purpose).HasMaxLength(500);
        builder.Property(e => e.Model).HasMaxLength(500);
        builder.Property(e => e.RejectionReason).HasMaxLength(500);
        builder.Property(e => e.Warning).HasMaxLength(500);
        builder.HasOne<WorkListUpload>().WithMany().HasForeignKey(e => e.UploadId).OnDelete(DeleteBehavior.Cascade);
        // A resumed validation job starts after its checkpoint; this is the backstop should it ever write a line twice.
        builder.HasIndex(e => new { e.UploadId, e.LineNumber }).IsUnique();
        builder.Property(e => e.RowKey).HasMaxLength(WorkListRowIdentity.HashLength).IsFixedLength();
        builder.Property(e => e.RowFingerprint).HasMaxLength(WorkListRowIdentity.HashLength).IsFixedLength();
        builder.HasIndex(e => e.CompanyId);
        // Comparing versions looks a key up among a few uploads, and its fingerprint with it, without reading the row.
        builder.HasIndex(e => new { e.RowKey, e.UploadId, e.RowFingerprint });
    }
}

internal sealed class CompanyColumnMappingConfiguration : IEntityTypeConfiguration<CompanyColumnMapping>
{
    public void Configure(EntityTypeBuilder<CompanyColumnMapping> builder)
    {
        builder.Property(m => m.HeaderKey).HasMaxLength(WorkListRowIdentity.HashLength).IsFixedLength().IsRequired();
        builder.Property(m => m.Mapping).HasMaxLength(WorkListUploadConfiguration.ColumnMappingLength).IsRequired();
        builder.HasOne<Company>().WithMany().HasForeignKey(m => m.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.CompanyId, m.HeaderKey }).IsUnique();
    }
}

internal sealed class MatchCandidateConfiguration : IEntityTypeConfiguration<MatchCandidate>
{
    public void Configure(EntityTypeBuilder<MatchCandidate> builder)
    {
        builder.Property(m => m.Reasons).HasMaxLength(1000);
        builder.HasOne(m => m.Entry).WithMany().HasForeignKey(m => m.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.CatalogRecording).WithMany().HasForeignKey(m => m.CatalogRecordingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.CatalogComposition).WithMany().HasForeignKey(m => m.CatalogCompositionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.CatalogRelease).WithMany().HasForeignKey(m => m.CatalogReleaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.CompanyId, m.Tier });
        builder.HasIndex(m => new { m.RunId, m.EntryId, m.Rank }).IsUnique();
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(256).IsRequired();
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.InvitedByUserId).HasMaxLength(450);
        builder.Property(i => i.AcceptedUserId).HasMaxLength(450);
        builder.HasOne(i => i.Company).WithMany().HasForeignKey(i => i.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DisclosureRequest>().WithMany().HasForeignKey(i => i.RequestId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.CompanyId, i.Email });
    }
}

internal sealed class OutgoingMessageConfiguration : IEntityTypeConfiguration<OutgoingMessage>
{
    public void Configure(EntityTypeBuilder<OutgoingMessage> builder)
    {
        builder.Property(m => m.ToAddress).HasMaxLength(ContactEmail.MaxLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(MessageDefaults.MaxSubjectLength + 200).IsRequired();
        builder.Property(m => m.Body).IsRequired();
        builder.Property(m => m.LinkSlot).HasMaxLength(64);
        builder.Property(m => m.LinkBase).HasMaxLength(400);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.CreatedByUserId).HasMaxLength(450);
        builder.HasOne<Company>().WithMany().HasForeignKey(m => m.CompanyId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<DisclosureRequest>().WithMany().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(m => m.Invitation).WithMany().HasForeignKey(m => m.InvitationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(m => m.Reminder).WithMany().HasForeignKey(m => m.ReminderId).OnDelete(DeleteBehavior.SetNull);

        // The sender's query: what is due, oldest first.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.CreatedAt);
        builder.HasIndex(m => m.RequestId);
        builder.HasIndex(m => m.CompanyId);
        builder.HasIndex(m => m.InvitationId);
    }
}

internal sealed class ResponseReminderConfiguration : IEntityTypeConfiguration<ResponseReminder>
{
    public void Configure(EntityTypeBuilder<ResponseReminder> builder)
    {
        builder.HasOne<DisclosureResponse>().WithMany().HasForeignKey(r => r.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ResponseId, r.Kind, r.DaysBefore }).IsUnique();
        builder.HasIndex(r => r.CompanyId);
    }
}

internal sealed class MatchDecisionConfiguration : IEntityTypeConfiguration<MatchDecision>
{
    public void Configure(EntityTypeBuilder<MatchDecision> builder)
    {
        builder.Property(d => d.DecidedByUserId).HasMaxLength(450);
        builder.Property(d => d.DecidedBy).HasMaxLength(256);
        builder.Property(d => d.ClaimedByUserId).HasMaxLength(450);
        builder.Property(d => d.ClaimedBy).HasMaxLength(256);
        builder.Property(d => d.Comment).HasMaxLength(2000);
        builder.Property(d => d.Revision).IsConcurrencyToken();
        builder.HasOne(d => d.Entry).WithMany().HasForeignKey(d => d.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.EntryId).IsUnique();
        // The queue's tabs read by state, then the usual filters; each index ends in the default sort (tier, score).
        builder.HasIndex(d => new { d.State, d.Tier, d.Score });
        builder.HasIndex(d => new { d.CompanyId, d.State, d.Tier, d.Score });
        builder.HasIndex(d => new { d.RequestId, d.State, d.Tier });
        builder.HasIndex(d => new { d.UploadId, d.State });
        builder.HasIndex(d => d.ClaimedByUserId);
        builder.HasIndex(d => d.LastBatch);
        // The cross-company view counts companies per confirmed catalog entry.
        builder.HasIndex(d => new { d.State, d.ChosenKind, d.ChosenCatalogId, d.CompanyId });
    }
}

internal sealed class MatchDecisionChangeConfiguration : IEntityTypeConfiguration<MatchDecisionChange>
{
    public void Configure(EntityTypeBuilder<MatchDecisionChange> builder)
    {
        builder.Property(c => c.ChangedByUserId).HasMaxLength(450);
        builder.Property(c => c.ChangedBy).HasMaxLength(256);
        builder.Property(c => c.Comment).HasMaxLength(2000);
        builder.HasIndex(c => new { c.DecisionId, c.Revision });
        builder.HasIndex(c => c.CompanyId);
    }
}
