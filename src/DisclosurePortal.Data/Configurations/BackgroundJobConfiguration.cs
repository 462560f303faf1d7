using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> builder)
    {
        builder.ToTable("BackgroundJobs");
        builder.Property(j => j.LeaseOwner).HasMaxLength(BackgroundJob.LeaseOwnerLength);
        builder.Property(j => j.LastError).HasMaxLength(BackgroundJob.LastErrorLength);
        builder.Property(j => j.UserMessage).HasMaxLength(BackgroundJob.UserMessageLength);
        builder.Ignore(j => j.IsActive);

        // What runners look for: queued jobs by the time they may run, running ones by lease expiry.
        builder.HasIndex(j => new { j.State, j.AvailableAt });
        builder.HasIndex(j => new { j.Kind, j.TargetId });
        builder.HasIndex(j => j.CompanyId);

        // At most one active (queued or running) job per kind and target, on every provider: "State" < 2 is
        // Queued or Running, written in the quoting SQLite, PostgreSQL and SQL Server all accept.
        builder.HasIndex(j => new { j.Kind, j.TargetId }, "IX_BackgroundJobs_OneActivePerTarget")
            .IsUnique()
            .HasFilter($"\"State\" < {(int)JobState.Succeeded}");
    }
}
