using MimeKit;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web;

/// <summary>The rules data annotations cannot say: SMTP settings are required only when mail goes over SMTP.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        if (!MailboxAddress.TryParse(options.From, out _))
        {
            failures.Add($"Email:From '{options.From}' is not an e-mail address.");
        }

        if (options.Delivery == MailDeliveryMode.Smtp)
        {
            var smtp = options.Smtp;
            if (string.IsNullOrWhiteSpace(smtp.Host))
            {
                failures.Add("Email:Smtp:Host is required when Email:Delivery is Smtp.");
            }

            if (smtp.Port is < 1 or > 65535)
            {
                failures.Add("Email:Smtp:Port must be between 1 and 65535 when Email:Delivery is Smtp.");
            }

            if (smtp.Timeout <= TimeSpan.Zero)
            {
                failures.Add("Email:Smtp:Timeout must be positive.");
            }

            if (smtp.MaxAttempts is < 1 or > 10)
            {
                failures.Add("Email:Smtp:MaxAttempts must be between 1 and 10.");
            }

            if (smtp.RetryDelay < TimeSpan.Zero)
            {
                failures.Add("Email:Smtp:RetryDelay must not be negative.");
            }

            if (!string.IsNullOrEmpty(smtp.UserName) && string.IsNullOrEmpty(smtp.Password))
            {
                failures.Add("Email:Smtp:Password is required when Email:Smtp:UserName is set.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
