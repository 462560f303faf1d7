using DisclosurePortal.Core.Messages;

namespace DisclosurePortal.Web.Features.Messages;

/// <summary>The facts one e-mail is written from; what a kind of message does not use may be null.</summary>
public sealed record MessageFacts(
    string CompanyName,
    string? LegalEntity,
    string? ContactName,
    string? RequestTitle,
    DateTimeOffset? DueAt,
    string Link,
    DateTimeOffset? Expires = null,
    TimeSpan? TimeLeft = null,
    string? Inviter = null);

/// <summary>Writes a template out for one recipient: the placeholders' values, a one-line subject, the body.</summary>
public static class MessageWriter
{
    /// <summary>The salutation when a contact has no name on file.</summary>
    public const string NoContactName = "Sir or Madam";

    public const int MaxSubjectLength = MessageDefaults.MaxSubjectLength + 200;

    public static IReadOnlyDictionary<string, string> Values(MessageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [MessageDefaults.Company] = facts.CompanyName,
            [MessageDefaults.LegalEntity] = string.IsNullOrWhiteSpace(facts.LegalEntity) ? facts.CompanyName : facts.LegalEntity,
            [MessageDefaults.Contact] = string.IsNullOrWhiteSpace(facts.ContactName) ? NoContactName : facts.ContactName,
            [MessageDefaults.Request] = facts.RequestTitle ?? "the label's disclosure request",
            [MessageDefaults.Link] = facts.Link,
        };
        if (facts.DueAt is { } due)
        {
            values[MessageDefaults.Deadline] = MessageDefaults.FormatTime(due);
        }

        if (facts.Expires is { } expires)
        {
            values[MessageDefaults.Expires] = MessageDefaults.FormatTime(expires);
        }

        if (facts.TimeLeft is { } left)
        {
            values[MessageDefaults.TimeLeft] = MessageDefaults.FormatTimeLeft(left);
        }

        if (facts.Inviter is { } inviter)
        {
            values[MessageDefaults.Inviter] = inviter;
        }

        return values;
    }

    public static (string Subject, string Body) Write(MessageText template, MessageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(template);
        var values = Values(facts);
        var subject = string.Join(' ', MessageTemplate.Render(template.Subject, values).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return (subject.Length <= MaxSubjectLength ? subject : subject[..(MaxSubjectLength - 1)] + "…", MessageTemplate.Render(template.Body, values));
    }
}
