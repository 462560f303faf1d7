namespace DisclosurePortal.Core.Tables;

public static class TableLimits
{
    /// <summary>
    /// The longest line (or cell) a delimited table may have: far above any real row, low enough that one
    /// endless line cannot fill memory.
    /// </summary>
    public const int LineLength = 100_000;
}
