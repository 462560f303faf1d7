using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data.Entities;

namespace DisclosurePortal.Web.Features.Review.Queue;

public enum QueueTab
{
    NeedsReview,
    Confirmed,
    Rejected,
    Unmatched,
}

public enum QueueSort
{
    /// <summary>Strongest tier and score first: what a reviewer confirms fastest.</summary>
    Strength,
    Score,
    Company,
    Line,
    DecidedAt,
}

/// <summary>Who holds or decided an item: <see cref="Anyone"/>, nobody, or one user.</summary>
public static class QueueAssignee
{
    public const string Anyone = "";
    public const string Nobody = "-";
}

/// <summary>What the queue shows; every field narrows it. The same filter drives the page, the count and a bulk action.</summary>
public sealed record QueueFilter(
    QueueTab Tab = QueueTab.NeedsReview,
    int? CompanyId = null,
    int? RequestId = null,
    MatchTier? Tier = null,
    CatalogKind? Kind = null,
    double? MinScore = null,
    double? MaxScore = null,
    string Assignee = QueueAssignee.Anyone,
    string? Text = null);

public sealed record QueueItem(
    long Id, long EntryId, int Revision, DecisionState State, int CompanyId, string Company, string FileName, int LineNumber,
    string? Title, string? Artist, string? Isrc, MatchTier Tier, double Score, CatalogKind? Kind,
    string? ClaimedByUserId, string? ClaimedBy, DateTimeOffset? ClaimedUntil, string? DecidedBy, DateTimeOffset? DecidedAt, string? Comment,
    CatalogKind? ChosenKind, long? ChosenCatalogId);

/// <param name="TotalIsLowerBound">There are more than <paramref name="TotalCount"/> items: counting stopped there.</param>
public sealed record QueuePage(IReadOnlyList<QueueItem> Items, int TotalCount, bool TotalIsLowerBound = false);

/// <summary>A catalog entry beside the submitted row: a candidate (rank 1–3) or the one a reviewer linked (rank 0).</summary>
public sealed record QueueCandidate(int Rank, CatalogKind Kind, long CatalogId, string Identifier, string Title, string? Credit, MatchTier Tier, double Score, string Reasons);

public sealed record QueueHistoryLine(DateTimeOffset At, string? By, DecisionState State, string? Comment);

public sealed record QueueDetail(QueueItem Item, IReadOnlyList<QueueCandidate> Candidates, IReadOnlyList<QueueHistoryLine> History);

/// <summary>A decision on one item, made against the revision the reviewer saw.</summary>
public sealed record DecisionRequest(long Id, int Revision, DecisionState? State, CatalogKind? Kind = null, long? CatalogId = null, string? Comment = null);

public enum DecisionOutcome
{
    Saved,

    /// <summary>Someone decided it after this reviewer loaded it; nothing was written.</summary>
    Stale,

    /// <summary>Another reviewer holds it.</summary>
    HeldByOther,

    /// <summary>Confirming needs a catalog entry and the item has none.</summary>
    NothingToConfirm,

    NotFound,
}

public sealed record DecisionResult(DecisionOutcome Outcome, string Message)
{
    public bool Saved => Outcome == DecisionOutcome.Saved;
}

public sealed record QueueChoice(int Id, string Name);

public sealed record QueueChoices(IReadOnlyList<QueueChoice> Companies, IReadOnlyList<QueueChoice> Requests);
