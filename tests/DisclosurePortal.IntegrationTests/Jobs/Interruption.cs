using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DisclosurePortal.IntegrationTests.Jobs;

/// <summary>The test's stand-in for a process that died: nothing of it reaches the database any more.</summary>
public sealed class SimulatedCrashException() : Exception("Simulated crash: this process no longer reaches the database.");

/// <summary>
/// Cuts one test "process" (one service provider) off at an exact point of a job, counted in committed
/// transactions, which for the jobs are their batches. <see cref="CrashAtCommit"/>: the n-th commit fails and so
/// does every later command, as for a process killed mid-commit (its transaction is rolled back, nothing gives
/// the job back). <see cref="StopAfterCommit"/>: after the n-th commit the host is told to stop, and the committing
/// code waits until the stop has cancelled it, so the job stops exactly there, as on a restart.
/// </summary>
public sealed class Interruption
{
    private readonly int atCommit;
    private readonly Action? stop;
    private int commits;

    private Interruption(int atCommit, Action? stop)
    {
        this.atCommit = atCommit;
        this.stop = stop;
        Interceptors = [new Commands(this), new Transactions(this)];
    }

    public static Interruption CrashAtCommit(int commit) => new(commit, null);

    public static Interruption StopAfterCommit(int commit, Action stop) => new(commit, stop);

    public IInterceptor[] Interceptors { get; }

    /// <summary>Transactions committed (or, at the crash, attempted).</summary>
    public int Commits => Volatile.Read(ref commits);

    public bool Crashed { get; private set; }

    private void Committing()
    {
        if (Crashed || (stop is null && Interlocked.Increment(ref commits) == atCommit))
        {
            Crashed = true;
            throw new SimulatedCrashException();
        }
    }

    private async Task CommittedAsync(CancellationToken cancellationToken)
    {
        if (stop is not null && Interlocked.Increment(ref commits) == atCommit)
        {
            stop();
            // The batch is in; its job goes no further than this before the stop cancels it.
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    private void BeforeCommand()
    {
        if (Crashed)
        {
            throw new SimulatedCrashException();
        }
    }

    private sealed class Commands(Interruption owner) : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            owner.BeforeCommand();
            return result;
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            owner.BeforeCommand();
            return result;
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            owner.BeforeCommand();
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            owner.BeforeCommand();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            owner.BeforeCommand();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            owner.BeforeCommand();
            return ValueTask.FromResult(result);
        }
    }

    private sealed class Transactions(Interruption owner) : DbTransactionInterceptor
    {
        public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        {
            owner.Committing();
            return result;
        }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            owner.Committing();
            return ValueTask.FromResult(result);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
            owner.CommittedAsync(cancellationToken);
    }
}
