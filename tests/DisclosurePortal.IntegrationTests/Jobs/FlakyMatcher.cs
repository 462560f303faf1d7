using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Review;

namespace DisclosurePortal.IntegrationTests.Jobs;

/// <summary>A matching engine that breaks from its n-th call until repaired; otherwise the portal's own.</summary>
public sealed class FlakyMatcher(int failFromCall)
{
    private readonly int failFromCall = failFromCall;
    private int calls;
    private int rowsMatched;
    private volatile bool repaired;

    /// <summary>Rows handed to the engine in calls that succeeded.</summary>
    public int RowsMatchedWhileWorking => Volatile.Read(ref rowsMatched);

    public void Repair() => repaired = true;

    public IWorkListMatcher Around(IWorkListMatcher engine) => new Engine(this, engine);

    private sealed class Engine(FlakyMatcher owner, IWorkListMatcher engine) : IWorkListMatcher
    {
        public async Task<IReadOnlyList<ProposedMatch>> MatchAsync(IReadOnlyList<WorkListEntry> rows, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref owner.calls) >= owner.failFromCall && !owner.repaired)
            {
                throw new InvalidOperationException("matcher out of order");
            }

            var matches = await engine.MatchAsync(rows, cancellationToken);
            Interlocked.Add(ref owner.rowsMatched, rows.Count);
            return matches;
        }
    }
}
