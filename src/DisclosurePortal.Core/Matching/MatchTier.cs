namespace DisclosurePortal.Core.Matching;

/// <summary>How sure a match is, from an identifier match down to no candidate at all.</summary>
public enum MatchTier
{
    None = 0,
    Possible = 1,
    High = 2,
    Exact = 3,
}
