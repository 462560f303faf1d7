using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

internal sealed class ResponseVersionConfiguration : IEntityTypeConfiguration<ResponseVersion>
{
    public void Configure(EntityTypeBuilder<ResponseVersion> builder)
    {
        builder.HasOne(v => v.Response).WithMany().HasForeignKey(v => v.ResponseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.SubmittedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(v => v.ContentUse).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.AnswersJson).IsRequired();
        builder.Property(v => v.SignatoryName).HasMaxLength(300).IsRequired();
        builder.Property(v => v.SignatoryTitle).HasMaxLength(300).IsRequired();
        builder.Property(v => v.AttestationText).HasMaxLength(4000).IsRequired();
        builder.Property(v => v.Digest).HasMaxLength(64).IsRequired();
        builder.HasMany(v => v.Uploads).WithOne().HasForeignKey(u => u.VersionId).OnDelete(DeleteBehavior.Restrict);
        // Two people submitting at once cannot both become version N.
        builder.HasIndex(v => new { v.ResponseId, v.Number }).IsUnique();
        builder.HasIndex(v => v.CompanyId);
    }
}

internal sealed class ResponseVersionUploadConfiguration : IEntityTypeConfiguration<ResponseVersionUpload>
{
    public void Configure(EntityTypeBuilder<ResponseVersionUpload> builder)
    {
        builder.Property(u => u.FileName).HasMaxLength(260).IsRequired();
        builder.Property(u => u.Sha256).HasMaxLength(64).IsRequired();
        builder.HasOne<WorkListUpload>().WithMany().HasForeignKey(u => u.UploadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.VersionId, u.UploadId }).IsUnique();
        builder.HasIndex(u => u.CompanyId);
    }
}

internal sealed class ResponseAttachmentConfiguration : IEntityTypeConfiguration<ResponseAttachment>
{
    public void Configure(EntityTypeBuilder<ResponseAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(260).IsRequired();
        builder.Property(a => a.StoredName).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(a => a.UploadedByUserId).HasMaxLength(450).IsRequired();
        builder.HasOne<DisclosureResponse>().WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.CompanyId);
    }
}

internal sealed class ExtensionRequestConfiguration : IEntityTypeConfiguration<ExtensionRequest>
{
    public void Configure(EntityTypeBuilder<ExtensionRequest> builder)
    {
        builder.HasOne(e => e.Response).WithMany().HasForeignKey(e => e.ResponseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.RequestedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.DecidedByUserId).HasMaxLength(450);
        builder.Property(e => e.Reason).HasMaxLength(2000).IsRequired();
        builder.Property(e => e.DecisionComment).HasMaxLength(2000);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(e => new { e.ResponseId, e.RequestedAt });
        builder.HasIndex(e => new { e.Status, e.RequestedAt });
        builder.HasIndex(e => e.CompanyId);
    }
}
