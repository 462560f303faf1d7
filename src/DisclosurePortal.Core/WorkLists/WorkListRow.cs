using DisclosurePortal.Core.Identifiers;
using DisclosurePortal.Core.Matching;

namespace DisclosurePortal.Core.WorkLists;

/// <summary>
/// One data row of an uploaded list. <see cref="Rejection"/> is set when the row cannot be used;
/// <see cref="Warning"/> when it is used but part of it was ignored (an invalid identifier, an unreadable duration).
/// Identifiers keep the text as written next to the parsed code; the parsed one is null when invalid.
/// </summary>
public sealed record WorkListRow(int LineNumber, string? Rejection, string? Warning = null)
{
    public string? Title { get; init; }

    public string? Artist { get; init; }

    public string? Album { get; init; }

    public string? IsrcText { get; init; }

    public Isrc? Isrc { get; init; }

    public string? IswcText { get; init; }

    public Iswc? Iswc { get; init; }

    public string? UpcText { get; init; }

    public Gtin? Upc { get; init; }

    public int? DurationSeconds { get; init; }

    public int? Year { get; init; }

    public AssetKind Asset { get; init; } = AssetKind.Audio;

    public WorkListUsage Usage { get; init; } = WorkListUsage.None;

    public bool IsAccepted => Rejection is null;
}

/// <summary>How the company says it used the work: the dataset or source, how it got it, copies made, whether kept, why, in which model.</summary>
public sealed record WorkListUsage(string? Dataset, string? AccessMethod, int? Copies, string? Retained, string? Purpose, string? Model)
{
    public static WorkListUsage None { get; } = new(null, null, null, null, null, null);
}

/// <summary>The whole file is refused (empty, not a text table, needed columns missing); nothing is stored.</summary>
public sealed class WorkListFormatException(string message) : Exception(message);
