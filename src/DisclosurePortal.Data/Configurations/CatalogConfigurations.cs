using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

internal sealed class CatalogRecordingConfiguration : IEntityTypeConfiguration<CatalogRecording>
{
    public void Configure(EntityTypeBuilder<CatalogRecording> builder)
    {
        builder.Property(r => r.Isrc).HasMaxLength(12).IsRequired();
        builder.Property(r => r.Title).HasMaxLength(CatalogLimits.Title).IsRequired();
        builder.Property(r => r.Version).HasMaxLength(CatalogLimits.Version);
        builder.Property(r => r.Artist).HasMaxLength(CatalogLimits.Artist).IsRequired();
        builder.Property(r => r.FeaturedArtists).HasMaxLength(CatalogLimits.FeaturedArtists);
        builder.Property(r => r.Label).HasMaxLength(CatalogLimits.Label);
        builder.Property(r => r.TitleKey).HasMaxLength(CatalogLimits.Title);
        builder.Property(r => r.ArtistKey).HasMaxLength(CatalogLimits.Artist);
        builder.Property(r => r.SourceId).HasMaxLength(CatalogLimits.SourceId);
        builder.Property(r => r.CompositionSourceId).HasMaxLength(CatalogLimits.SourceId);
        builder.Property(r => r.ReleaseSourceId).HasMaxLength(CatalogLimits.SourceId);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.HasOne(r => r.Composition).WithMany().HasForeignKey(r => r.CompositionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<CatalogVersion>().WithMany().HasForeignKey(r => r.CatalogVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.Isrc).IsUnique();

        // Title and artist searches count and page from these alone (removed entries are left out without
        // reading a row), which keeps a prefix search on a million recordings to a few milliseconds.
        builder.HasIndex(r => new { r.TitleKey, r.ArtistKey, r.RemovedInVersionId });
        builder.HasIndex(r => new { r.ArtistKey, r.RemovedInVersionId, r.TitleKey });
        builder.HasIndex(r => r.CompositionSourceId);
        builder.HasIndex(r => r.ReleaseSourceId);
    }
}

internal sealed class CatalogCompositionConfiguration : IEntityTypeConfiguration<CatalogComposition>
{
    public void Configure(EntityTypeBuilder<CatalogComposition> builder)
    {
        builder.Property(c => c.Iswc).HasMaxLength(11);
        builder.Property(c => c.Title).HasMaxLength(CatalogLimits.Title).IsRequired();
        builder.Property(c => c.TitleKey).HasMaxLength(CatalogLimits.Title);
        builder.Property(c => c.LyricFirstLine).HasMaxLength(CatalogLimits.LyricFirstLine);
        builder.Property(c => c.SourceId).HasMaxLength(CatalogLimits.SourceId);
        builder.Property(c => c.ContentHash).HasMaxLength(64);
        builder.HasMany(c => c.Writers).WithOne().HasForeignKey(w => w.CompositionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CatalogVersion>().WithMany().HasForeignKey(c => c.CatalogVersionId).OnDelete(DeleteBehavior.Restrict);

        // Unique only where present: EF gives SQL Server an IS NOT NULL filter; SQLite and PostgreSQL let NULLs repeat.
        builder.HasIndex(c => c.Iswc).IsUnique();
        builder.HasIndex(c => c.SourceId);
        builder.HasIndex(c => new { c.TitleKey, c.RemovedInVersionId });
    }
}

internal sealed class CompositionWriterConfiguration : IEntityTypeConfiguration<CompositionWriter>
{
    public void Configure(EntityTypeBuilder<CompositionWriter> builder)
    {
        builder.Property(w => w.Name).HasMaxLength(CatalogLimits.WriterName).IsRequired();
        builder.Property(w => w.IpiNameNumber).HasMaxLength(11);
        builder.Property(w => w.Role).HasMaxLength(CatalogLimits.WriterRole);
        builder.HasIndex(w => w.IpiNameNumber);
    }
}

internal sealed class CatalogReleaseConfiguration : IEntityTypeConfiguration<CatalogRelease>
{
    public void Configure(EntityTypeBuilder<CatalogRelease> builder)
    {
        builder.Property(r => r.Gtin).HasMaxLength(13).IsRequired();
        builder.Property(r => r.Title).HasMaxLength(CatalogLimits.Title).IsRequired();
        builder.Property(r => r.Artist).HasMaxLength(CatalogLimits.Artist).IsRequired();
        builder.Property(r => r.TitleKey).HasMaxLength(CatalogLimits.Title);
        builder.Property(r => r.ArtistKey).HasMaxLength(CatalogLimits.Artist);
        builder.Property(r => r.Label).HasMaxLength(CatalogLimits.Label);
        builder.Property(r => r.ArtworkReference).HasMaxLength(CatalogLimits.ArtworkReference);
        builder.Property(r => r.SourceId).HasMaxLength(CatalogLimits.SourceId);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.HasMany(r => r.Tracks).WithOne().HasForeignKey(t => t.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CatalogVersion>().WithMany().HasForeignKey(r => r.CatalogVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.Gtin).IsUnique();
        builder.HasIndex(r => new { r.TitleKey, r.ArtistKey, r.RemovedInVersionId });
        builder.HasIndex(r => new { r.ArtistKey, r.RemovedInVersionId, r.TitleKey });
        builder.HasIndex(r => r.SourceId);
    }
}

internal sealed class ReleaseTrackConfiguration : IEntityTypeConfiguration<ReleaseTrack>
{
    public void Configure(EntityTypeBuilder<ReleaseTrack> builder)
    {
        builder.HasOne(t => t.Recording).WithMany().HasForeignKey(t => t.RecordingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.ReleaseId, t.RecordingId }).IsUnique();
        builder.HasIndex(t => t.RecordingId);
    }
}

internal sealed class CatalogVersionConfiguration : IEntityTypeConfiguration<CatalogVersion>
{
    public void Configure(EntityTypeBuilder<CatalogVersion> builder)
    {
        builder.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.FileName).HasMaxLength(CatalogLimits.FileName).IsRequired();
        builder.Property(v => v.Sha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(v => v.StartedAt);
    }
}
