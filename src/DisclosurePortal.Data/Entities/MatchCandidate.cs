using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Matching;

namespace DisclosurePortal.Data.Entities;

/// <summary>
/// A catalog entry proposed for a listed work, with how sure and why. Candidates are written run by run:
/// reviewers see only those of the run their upload currently shows (<see cref="WorkListUpload.MatchRunId"/>).
/// Every accepted row has at least one per run: a row the catalog has nothing for gets one of tier None, with
/// no catalog entry and the reason in <see cref="Reasons"/>, so "unmatched" is a stored answer, not an absence.
/// </summary>
public class MatchCandidate : ICompanyOwned
{
    public long Id { get; set; }

    /// <summary>The reconciliation job that proposed it; a re-run writes under its own id, then the upload switches.</summary>
    public long RunId { get; set; }

    public long EntryId { get; set; }

    /// <summary>1 for the best candidate of its row, then 2 and 3.</summary>
    public int Rank { get; set; } = 1;

    public WorkListEntry? Entry { get; set; }

    public int CompanyId { get; set; }

    /// <summary>Which kind of catalog entry it names: exactly one of the three ids below is set, unless the tier is None.</summary>
    public CatalogKind Kind { get; set; }

    public long? CatalogRecordingId { get; set; }

    public CatalogRecording? CatalogRecording { get; set; }

    public long? CatalogCompositionId { get; set; }

    public CatalogComposition? CatalogComposition { get; set; }

    public long? CatalogReleaseId { get; set; }

    public CatalogRelease? CatalogRelease { get; set; }

    public MatchTier Tier { get; set; }

    public double Score { get; set; }

    public string Reasons { get; set; } = string.Empty;
}
