using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Infrastructure;

/// <summary>
/// Runs the e-mail sender the way the portal's background service does (a staff scope, one round after another)
/// until nothing due is left, for test services built without a host.
/// </summary>
public static class QueuedMail
{
    public static async Task<int> SendDueAsync(IServiceProvider services)
    {
        var sent = 0;
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff();
            var taken = await scope.ServiceProvider.GetRequiredService<OutgoingMailSender>().SendDueAsync();
            if (taken == 0)
            {
                return sent;
            }

            sent += taken;
        }
    }
}
