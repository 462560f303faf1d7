using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Matching;

namespace DisclosurePortal.Data.Entities;

public enum DecisionState
{
    /// <summary>Not decided yet, or reopened.</summary>
    NeedsReview = 0,

    Confirmed = 1,

    Rejected = 2,
}

/// <summary>
/// A reviewer's current answer for one listed work, and the row the triage queue reads. It belongs to the work-list
/// entry, not to a candidate, so a re-run against a changed catalog keeps it. The current run's best candidate is
/// copied here (tier, score, kind) when the run becomes the upload's, so the queue filters and sorts one table.
/// Every change is appended to <see cref="MatchDecisionChange"/>; nothing here is deleted.
/// </summary>
public class MatchDecision : ICompanyOwned
{
    public long Id { get; set; }

    public long EntryId { get; set; }

    public WorkListEntry? Entry { get; set; }

    public int CompanyId { get; set; }

    public int UploadId { get; set; }

    public int RequestId { get; set; }

    /// <summary>The run the upload shows, whose rank-1 candidate the tier, score and kind below are from.</summary>
    public long RunId { get; set; }

    public DecisionState State { get; set; }

    /// <summary>The best candidate of the run the upload shows; None for a row the catalog has nothing for.</summary>
    public MatchTier Tier { get; set; }

    public double Score { get; set; }

    /// <summary>The best candidate's kind of catalog entry; null when unmatched.</summary>
    public CatalogKind? CandidateKind { get; set; }

    /// <summary>The catalog entry a confirmation names: a candidate, or one linked by hand. No foreign key: a catalog removal must not erase evidence.</summary>
    public CatalogKind? ChosenKind { get; set; }

    public long? ChosenCatalogId { get; set; }

    public string? DecidedByUserId { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? Comment { get; set; }

    public string? ClaimedByUserId { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>Raised by every change; a write naming an older revision is refused (optimistic concurrency).</summary>
    public int Revision { get; set; }

    /// <summary>The bulk action that last wrote the row, so its history rows are appended in one INSERT…SELECT.</summary>
    public Guid? LastBatch { get; set; }
}

/// <summary>One change of a decision, as it was made; appended, never updated.</summary>
public class MatchDecisionChange : ICompanyOwned
{
    public long Id { get; set; }

    public long DecisionId { get; set; }

    public long EntryId { get; set; }

    public int CompanyId { get; set; }

    public DecisionState State { get; set; }

    public CatalogKind? ChosenKind { get; set; }

    public long? ChosenCatalogId { get; set; }

    public string? ChangedByUserId { get; set; }

    public string? ChangedBy { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string? Comment { get; set; }

    public int Revision { get; set; }
}
