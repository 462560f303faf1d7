using DisclosurePortal.Data;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Reminders;

/// <summary>
/// Runs <see cref="ReminderScanner"/> at start-up and then every <see cref="ReminderOptions.ScanInterval"/> of the
/// portal's clock. What was sent is in the database, so a restart simply scans again and sends nothing twice.
/// </summary>
public sealed class ReminderService(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Reminders are off (Reminders:Enabled = false)");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff();
                await scope.ServiceProvider.GetRequiredService<ReminderScanner>().ScanAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "A reminder scan failed; the next one tries again");
            }

            await Task.Delay(options.Value.ScanInterval, clock, stoppingToken);
        }
    }
}
