using System.Globalization;
using DisclosurePortal.IntegrationTests.Account;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DisclosurePortal.IntegrationTests.Email;

/// <summary>The account test portal with Email:Delivery = Smtp pointing at <see cref="SmtpPort"/>, and its log captured.</summary>
public abstract class SmtpPortalFactory : AccountPortalFactory
{
    public CapturedLog Log { get; } = new();

    protected abstract int SmtpPort { get; }

    protected virtual string? SmtpHost => "127.0.0.1";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:Delivery", "Smtp");
        builder.UseSetting("Email:Smtp:Host", SmtpHost);
        builder.UseSetting("Email:Smtp:Port", SmtpPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Smtp:Security", "None");
        builder.UseSetting("Email:Smtp:Timeout", "00:00:10");
        builder.UseSetting("Email:Smtp:MaxAttempts", "3");
        // Short, so the unreachable-server test waits milliseconds rather than seconds between attempts.
        builder.UseSetting("Email:Smtp:RetryDelay", "00:00:00.050");
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Log));
    }
}

/// <summary>Mail goes to a real SMTP server running in the test process.</summary>
public sealed class LiveSmtpPortalFactory : SmtpPortalFactory
{
    public TestSmtpServer Smtp { get; } = new();

    protected override int SmtpPort => Smtp.Port;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}

/// <summary>Mail goes to a loopback port nothing listens on.</summary>
public sealed class UnreachableSmtpPortalFactory : SmtpPortalFactory
{
    protected override int SmtpPort { get; } = TestSmtpServer.FreeLoopbackPort();
}

/// <summary>Smtp delivery chosen but no host given: the portal must refuse to start.</summary>
public sealed class SmtpWithoutHostPortalFactory : SmtpPortalFactory
{
    protected override int SmtpPort => 25;

    protected override string? SmtpHost => null;
}
