using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.Retry;

namespace DisclosurePortal.Web;

/// <summary>
/// Sends each message through the SMTP server in Email:Smtp with MailKit, one connection per message.
/// Transient failures (no connection, timeouts, 4xx replies) are retried with exponential backoff; a 5xx
/// reply or a failed sign-in is not, since trying again cannot help.
/// </summary>
public sealed class SmtpMailDelivery : IMailDelivery
{
    private readonly SmtpOptions smtp;
    private readonly ILogger<SmtpMailDelivery> logger;
    private readonly ResiliencePipeline retries;

    public SmtpMailDelivery(IOptions<EmailOptions> options, TimeProvider clock, ILogger<SmtpMailDelivery> logger)
    {
        smtp = options.Value.Smtp;
        this.logger = logger;
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock };
        if (smtp.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = smtp.MaxAttempts - 1,
                Delay = smtp.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                OnRetry = args =>
                {
                    var message = args.Context.Properties.GetValue(MessageKey, null!);
                    logger.LogWarning("E-mail '{Subject}' to {Recipient}: attempt {Attempt} failed ({Reason}); trying again in {Delay}",
                        message.Subject, MailLogText.Recipients(message), args.AttemptNumber + 1, args.Outcome.Exception?.Message, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        retries = builder.Build();
    }

    private static readonly ResiliencePropertyKey<MimeMessage> MessageKey = new("mail-message");

    public async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(MessageKey, message);
        try
        {
            await retries.ExecuteAsync(async (ctx, state) => await SendOnceAsync(state, ctx.CancellationToken), context, message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "E-mail '{Subject}' to {Recipient} could not be delivered through {Host}:{Port}", message.Subject, MailLogText.Recipients(message), smtp.Host, smtp.Port);
            var transient = IsTransient(ex);
            var attempts = transient ? $" after {smtp.MaxAttempts} attempt(s)" : string.Empty;
            var reason = ex is SmtpCommandException command ? $"the server replied {(int)command.StatusCode} ({command.Message.TrimEnd('.')})" : ex.Message;
            throw new MailDeliveryException($"The e-mail '{message.Subject}' could not be delivered through {smtp.Host}:{smtp.Port}{attempts}: {reason}", ex, transient);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        logger.LogInformation("E-mail '{Subject}' to {Recipient} delivered through {Host}:{Port}", message.Subject, MailLogText.Recipients(message), smtp.Host, smtp.Port);
    }

    private async Task SendOnceAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)Math.Min(int.MaxValue, smtp.Timeout.TotalMilliseconds) };
        await client.ConnectAsync(smtp.Host!, smtp.Port, SocketOptions(smtp.Security), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    /// <summary>Worth another try: the server was unreachable, slow, dropped the line or said "try later" (4xx).</summary>
    private static bool IsTransient(Exception ex) => ex switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        AuthenticationException or SslHandshakeException => false,
        SocketException or IOException or TimeoutException or SmtpProtocolException or ServiceNotConnectedException => true,
        OperationCanceledException => false,
        _ => false,
    };
}
