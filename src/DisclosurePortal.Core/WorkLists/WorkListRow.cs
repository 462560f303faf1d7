using DisclosurePortal.Core.Identifiers;

namespace DisclosurePortal.Core.WorkLists;

/// <summary>
/// One data row of an uploaded list. <see cref="Rejection"/> is set when the row cannot be used;
/// <see cref="Warning"/> when it is used but part of it was ignored.
/// </summary>
public sealed record WorkListRow(
    int LineNumber,
    string? Title,
    string? Artist,
    string? IsrcText,
    Isrc? Isrc,
    string? Rejection,
    string? Warning)
{
    public bool IsAccepted => Rejection is null;
}

/// <summary>The whole file is refused (empty, not a text table, needed columns missing); nothing is stored.</summary>
public sealed class WorkListFormatException(string message) : Exception(message);
