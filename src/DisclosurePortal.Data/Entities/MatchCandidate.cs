using DisclosurePortal.Core.Matching;

namespace DisclosurePortal.Data.Entities;

/// <summary>A catalog recording proposed for a listed work, with how sure and why.</summary>
public class MatchCandidate : ICompanyOwned
{
    public long Id { get; set; }

    public long EntryId { get; set; }

    public WorkListEntry? Entry { get; set; }

    public int CompanyId { get; set; }

    public long CatalogRecordingId { get; set; }

    public CatalogRecording? CatalogRecording { get; set; }

    public MatchTier Tier { get; set; }

    public double Score { get; set; }

    public string Reasons { get; set; } = string.Empty;
}
