using System.Collections.Concurrent;

namespace DisclosurePortal.Core.Tables;

/// <summary>
/// Reads a sequence in chunks on another thread, a few chunks ahead of the caller, so that parsing a file
/// overlaps the work done with what was already read. Errors of the reading come out of the enumeration.
/// </summary>
public static class ReadAhead
{
    public static IEnumerable<T[]> Chunks<T>(IEnumerable<T> source, int size, int ahead = 2)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var chunks = new BlockingCollection<T[]>(ahead);
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(() =>
        {
            try
            {
                foreach (var chunk in source.Chunk(size))
                {
                    chunks.Add(chunk, stop.Token);
                }
            }
            finally
            {
                chunks.CompleteAdding();
            }
        });

        try
        {
            foreach (var chunk in chunks.GetConsumingEnumerable())
            {
                yield return chunk;
            }
        }
        finally
        {
            // A caller that stops early (or fails) releases the reader, which is then waited for.
            stop.Cancel();
            try
            {
                reading.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }
    }
}
