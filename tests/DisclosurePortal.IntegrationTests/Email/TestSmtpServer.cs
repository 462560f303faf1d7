using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace DisclosurePortal.IntegrationTests.Email;

/// <summary>A message as the SMTP server received it: the envelope recipients and the parsed message.</summary>
public sealed record ReceivedMail(IReadOnlyList<string> EnvelopeTo, MimeMessage Message);

/// <summary>A real SMTP server (the SmtpServer package) in the test process, on a free loopback port, keeping what it receives.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly Channel<ReceivedMail> received = Channel.CreateUnbounded<ReceivedMail>();
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;
    private int disposed;

    /// <summary>The domain whose recipients this server refuses for good (550), as a real server refuses an unknown mailbox.</summary>
    public const string RefusedDomain = "refused.test";

    public TestSmtpServer()
        : this(FreeLoopbackPort())
    {
    }

    /// <summary>A server on a given port: for a portal configured before the server came up.</summary>
    public TestSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.email.test")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new CapturingStore(received.Writer));
        services.Add(new DelegatingMailboxFilter(
            (_, _) => true,
            (_, to, _) => !string.Equals(to.Host, RefusedDomain, StringComparison.OrdinalIgnoreCase)));
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }

    /// <summary>The next message the server receives; fails the test when none comes within a generous guard time.</summary>
    public async Task<ReceivedMail> NextAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await received.Reader.ReadAsync(guard.Token);
    }

    /// <summary>What arrived so far without waiting, for counting.</summary>
    public IReadOnlyList<ReceivedMail> Drain()
    {
        var mails = new List<ReceivedMail>();
        while (received.Reader.TryRead(out var mail))
        {
            mails.Add(mail);
        }

        return mails;
    }

    /// <summary>A port nothing listens on right now (taken from the OS, then released).</summary>
    public static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        // The test host may dispose its factory twice (async and sync); the server stops once.
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Stopping is the point.
        }

        stop.Dispose();
    }

    private sealed class CapturingStore(ChannelWriter<ReceivedMail> writer) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var to = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
            await writer.WriteAsync(new ReceivedMail(to, message), cancellationToken);
            return SmtpResponse.Ok;
        }
    }
}
