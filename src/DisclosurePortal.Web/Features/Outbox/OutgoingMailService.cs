using DisclosurePortal.Data;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Outbox;

/// <summary>
/// The background sender: a round whenever a page queues messages (see <see cref="MailQueueSignal"/>) or the poll
/// interval passes, and straight away again while rounds come back full. Queued messages live in the database, so
/// a restart loses none; one taken but not finished is taken over when its lease runs out.
/// </summary>
public sealed class OutgoingMailService(IServiceScopeFactory scopes, MailQueueSignal signal, IOptions<MailQueueOptions> options, ILogger<OutgoingMailService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int taken;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff();
                taken = await scope.ServiceProvider.GetRequiredService<OutgoingMailSender>().SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database may be away for a moment; the messages wait in it and the next round tries again.
                logger.LogError(ex, "A round of the e-mail sender failed");
                taken = 0;
            }

            if (taken < options.Value.BatchSize)
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
    }
}
