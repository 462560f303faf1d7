using DisclosurePortal.Core.Auditing;
using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.ActorId).HasMaxLength(AuditEntry.ActorIdLength).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(AuditEntry.ActorNameLength).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(AuditEntry.ActionLength).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(AuditEntry.EntityTypeLength).IsRequired();
        builder.Property(e => e.EntityId).HasMaxLength(AuditEntry.EntityIdLength).IsRequired();
        builder.Property(e => e.PreviousHash).HasMaxLength(AuditEntry.HashLength).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(AuditEntry.HashLength).IsRequired();
        builder.Ignore(e => e.Subject);
        builder.Ignore(e => e.StagedOrder);

        // The admin page filters by these, newest first.
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Action, e.At });
        builder.HasIndex(e => new { e.ActorId, e.At });
        builder.HasIndex(e => new { e.CompanyId, e.At });
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable("AuditChainHeads");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.LastHash).HasMaxLength(AuditEntry.HashLength).IsRequired();
        // A second line of defence behind the row lock: an append that read a stale head fails instead of forking the chain.
        builder.Property(h => h.LastSequence).IsConcurrencyToken();
        builder.HasData(new AuditChainHead { Id = AuditChainHead.SingleId, LastSequence = 0, LastHash = AuditChain.Genesis });
    }
}
