namespace DisclosurePortal.Core.Auditing;

public enum AuditBreakKind
{
    /// <summary>The entry's content no longer matches its hash.</summary>
    Altered,

    /// <summary>One or more entries before this one are gone.</summary>
    Missing,

    /// <summary>The entry is not where the chain puts it (moved, duplicated, or its link was rewritten).</summary>
    Reordered,
}

/// <summary>Where the chain breaks: the first entry that does not fit, and why.</summary>
public sealed record AuditBreak(long Sequence, AuditBreakKind Kind, string Reason);

/// <summary>The outcome of checking a whole trail.</summary>
public sealed record AuditVerification(long Checked, AuditBreak? FirstBreak)
{
    public bool IsIntact => FirstBreak is null;
}

/// <summary>
/// Checks entries one at a time in sequence order, so a trail of any length can be streamed through it page by page.
/// It stops at the first break; later entries are not judged, since one break invalidates every link after it.
/// </summary>
public sealed class AuditChainVerifier
{
    private long expectedSequence = 1;
    private string previousHash = AuditChain.Genesis;

    public long Checked { get; private set; }

    public AuditBreak? FirstBreak { get; private set; }

    /// <summary>Checks the next entry; false once the chain is broken (here or earlier).</summary>
    public bool Add(AuditRecord entry)
    {
        if (FirstBreak is not null)
        {
            return false;
        }

        FirstBreak = Judge(entry);
        if (FirstBreak is not null)
        {
            return false;
        }

        Checked++;
        expectedSequence = entry.Sequence + 1;
        previousHash = entry.Hash;
        return true;
    }

    /// <summary>
    /// Ends the check against the chain head the database keeps (last sequence and hash written), which is what
    /// reveals entries deleted from the end.
    /// </summary>
    public AuditVerification Finish(long headSequence, string headHash)
    {
        if (FirstBreak is null && headSequence >= expectedSequence)
        {
            FirstBreak = new AuditBreak(expectedSequence, AuditBreakKind.Missing,
                $"Entries {expectedSequence} to {headSequence} are missing: the trail ends at entry {expectedSequence - 1} but {headSequence} were written.");
        }
        else if (FirstBreak is null && headSequence == expectedSequence - 1 && headSequence > 0 && !string.Equals(headHash, previousHash, StringComparison.Ordinal))
        {
            FirstBreak = new AuditBreak(headSequence, AuditBreakKind.Altered,
                $"Entry {headSequence} is not the last entry written: its hash differs from the one recorded when it was appended.");
        }

        return new AuditVerification(Checked, FirstBreak);
    }

    /// <summary>Checks a whole trail held in memory (tests, small trails).</summary>
    public static AuditVerification Verify(IEnumerable<AuditRecord> entries, long headSequence, string headHash)
    {
        var verifier = new AuditChainVerifier();
        foreach (var entry in entries)
        {
            if (!verifier.Add(entry))
            {
                break;
            }
        }

        return verifier.Finish(headSequence, headHash);
    }

    private AuditBreak? Judge(AuditRecord entry)
    {
        if (entry.Sequence > expectedSequence)
        {
            return new AuditBreak(expectedSequence, AuditBreakKind.Missing,
                expectedSequence == entry.Sequence - 1
                    ? $"Entry {expectedSequence} is missing: entry {entry.Sequence} follows entry {expectedSequence - 1}."
                    : $"Entries {expectedSequence} to {entry.Sequence - 1} are missing: entry {entry.Sequence} follows entry {expectedSequence - 1}.");
        }

        if (entry.Sequence < expectedSequence)
        {
            return new AuditBreak(entry.Sequence, AuditBreakKind.Reordered,
                $"Entry {entry.Sequence} appears after entry {expectedSequence - 1}: the trail is out of order.");
        }

        if (!string.Equals(AuditChain.ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
        {
            return new AuditBreak(entry.Sequence, AuditBreakKind.Altered,
                $"Entry {entry.Sequence} was altered: its content no longer matches its hash.");
        }

        if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return new AuditBreak(entry.Sequence, AuditBreakKind.Reordered,
                $"Entry {entry.Sequence} does not link to entry {entry.Sequence - 1} as it is now: entry {entry.Sequence - 1} was rewritten together with its hash, or entry {entry.Sequence} was moved.");
        }

        return null;
    }
}
