using System.Threading.Channels;

namespace DisclosurePortal.Web.Features.Outbox;

/// <summary>Lets a page that queued messages wake the background sender now, instead of at its next poll.</summary>
public sealed class MailQueueSignal
{
    private readonly Channel<bool> wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => wakeUps.Writer.TryWrite(true);

    /// <summary>Returns when woken or after <paramref name="interval"/>, whichever comes first.</summary>
    /// <remarks>
    /// The wait is real time, not the portal's <see cref="TimeProvider"/>: when messages are due is the clock's
    /// business, how often to look is not, and a test's stopped clock must not stop the sender from looking.
    /// </remarks>
    public async Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(interval);
        try
        {
            await wakeUps.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The interval passed without a wake-up.
        }
    }
}
