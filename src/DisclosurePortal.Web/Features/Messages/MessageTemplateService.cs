using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Web.Features.Audit;
using DisclosurePortal.Core.Deadlines;
using DisclosurePortal.Core.Messages;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Messages;

/// <summary>One of a request's e-mails as the editor holds it.</summary>
public sealed class TemplateDraft
{
    public MessageKind Kind { get; init; }

    /// <summary>For a reminder, the days before the due time; 0 otherwise.</summary>
    public int DaysBefore { get; init; }

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public string Title => Kind switch
    {
        MessageKind.Invitation => "Invitation",
        MessageKind.Reminder => DaysBefore == 1 ? "Reminder 1 day before" : $"Reminder {DaysBefore} days before",
        _ => "Overdue notice",
    };
}

/// <summary>A request's e-mails and reminder days, as the editor shows them.</summary>
public sealed record RequestMessages(int RequestId, string Title, DateTimeOffset Deadline, string ReminderDays, IReadOnlyList<TemplateDraft> Templates, string SampleCompany);

/// <summary>
/// The admin's editor for a request's e-mails: the invitation, a reminder for each of the request's reminder days
/// and the overdue notice, each with placeholders. A text with a placeholder its kind does not know is refused
/// with the placeholder named; a text left as the default is not stored, so better defaults reach it later.
/// </summary>
public sealed class MessageTemplateService(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session, TimeProvider clock, AuditTrail audit, ILogger<MessageTemplateService> logger)
{
    /// <summary>An example company for previews when the request has none yet.</summary>
    public const string ExampleCompany = "Example AI Ltd";

    public async Task<RequestMessages?> GetAsync(int requestId)
    {
        await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId);
        if (request is null)
        {
            return null;
        }

        var templates = await RequestTemplates.LoadAsync(db, requestId);
        if (!ReminderSchedule.TryParse(request.ReminderDays, out var days, out _))
        {
            days = ReminderSchedule.DefaultDays;
        }

        var sample = await db.Responses.Where(r => r.RequestId == requestId).OrderBy(r => r.Company!.Name).Select(r => r.Company!.Name).FirstOrDefaultAsync();
        return new RequestMessages(requestId, request.Title, request.Deadline, ReminderSchedule.Format(days), Drafts(templates, days), sample ?? ExampleCompany);
    }

    /// <summary>The drafts for a list of reminder days: what is stored for each, else the default.</summary>
    public static IReadOnlyList<TemplateDraft> Drafts(RequestTemplates templates, IReadOnlyList<int> reminderDays)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var kinds = new List<(MessageKind Kind, int Days)> { (MessageKind.Invitation, 0) };
        kinds.AddRange(reminderDays.Select(d => (MessageKind.Reminder, d)));
        kinds.Add((MessageKind.OverdueNotice, 0));
        return kinds.Select(k =>
        {
            var text = templates.For(k.Kind, k.Days);
            return new TemplateDraft { Kind = k.Kind, DaysBefore = k.Days, Subject = text.Subject, Body = text.Body };
        }).ToList();
    }

    /// <summary>What is wrong with a draft, in words; empty when it can be saved.</summary>
    public static IReadOnlyList<string> Problems(TemplateDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var known = MessageDefaults.Placeholders(draft.Kind).Select(p => p.Name).ToList();
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(draft.Subject) || string.IsNullOrWhiteSpace(draft.Body))
        {
            problems.Add("Write a subject and a text.");
        }

        if (draft.Subject.Length > MessageDefaults.MaxSubjectLength || draft.Body.Length > MessageDefaults.MaxBodyLength)
        {
            problems.Add($"Keep the subject under {MessageDefaults.MaxSubjectLength} characters and the text under {MessageDefaults.MaxBodyLength:N0}.");
        }

        var unknown = MessageTemplate.Unknown(draft.Subject, known).Concat(MessageTemplate.Unknown(draft.Body, known)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            problems.Add($"Unknown placeholder{(unknown.Count == 1 ? string.Empty : "s")}: {string.Join(", ", unknown)}. This e-mail can use {string.Join(", ", known.Select(k => "{" + k + "}"))}.");
        }

        if (MessageTemplate.Render(draft.Subject, new Dictionary<string, string> { [MessageDefaults.Link] = "\u0001" }).Contains('\u0001', StringComparison.Ordinal))
        {
            problems.Add("{link} belongs in the text, not in the subject.");
        }
        else if (!MessageTemplate.Render(draft.Body, new Dictionary<string, string> { [MessageDefaults.Link] = "\u0001" }).Contains('\u0001', StringComparison.Ordinal))
        {
            problems.Add("The text needs {link}: without it the company cannot reach the portal.");
        }

        return problems;
    }

    /// <summary>The draft written out for an example recipient at the request's first company.</summary>
    public static (string Subject, string Body) Preview(TemplateDraft draft, RequestMessages request)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(request);
        var link = draft.Kind is MessageKind.Invitation ? "https://portal.example/invitation/…" : "https://portal.example/account/login";
        var facts = new MessageFacts(request.SampleCompany, null, "Ada Lovelace", request.Title, request.Deadline, link,
            Expires: request.Deadline.AddDays(-7), TimeLeft: TimeSpan.FromDays(draft.DaysBefore));
        return MessageWriter.Write(new MessageText(draft.Subject, draft.Body), facts);
    }

    /// <summary>Saves the reminder days and the texts; returns the problems in words, or none when saved.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(int requestId, string reminderDays, IReadOnlyList<TemplateDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var admin = await session.RequireAdminAsync();
        var problems = new List<string>();
        if (!ReminderSchedule.TryParse(reminderDays, out var days, out var daysProblem))
        {
            problems.Add($"Reminder days: {daysProblem}");
        }

        problems.AddRange(drafts.SelectMany(d => Problems(d).Select(p => $"{d.Title}: {p}")));
        if (problems.Count > 0)
        {
            return problems;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var request = await db.Requests.Include(r => r.MessageTemplates).SingleOrDefaultAsync(r => r.Id == requestId);
        if (request is null || request.State == RequestState.Closed)
        {
            return ["The request is closed or gone: its e-mails can no longer change."];
        }

        var before = Facts(request);
        request.ReminderDays = ReminderSchedule.Format(days);
        var now = clock.GetUtcNow();
        foreach (var draft in drafts)
        {
            var stored = request.MessageTemplates.FirstOrDefault(t => t.Kind == draft.Kind && t.DaysBefore == draft.DaysBefore);
            if (MessageDefaults.For(draft.Kind) == new MessageText(draft.Subject, draft.Body))
            {
                if (stored is not null)
                {
                    request.MessageTemplates.Remove(stored);
                }

                continue;
            }

            stored ??= AddTemplate(request, draft.Kind, draft.DaysBefore);
            (stored.Subject, stored.Body, stored.UpdatedAt) = (draft.Subject, draft.Body, now);
        }

        await audit.RecordAsync(db, AuditActions.TemplateChanged, request, null, before, Facts(request));
        await db.SaveChangesAsync();
        logger.LogInformation("E-mails of request {RequestId} saved by {UserId}; reminders {Days} days before", requestId, admin.UserId, request.ReminderDays);
        return [];
    }

    private static RequestMessageTemplate AddTemplate(DisclosureRequest request, MessageKind kind, int daysBefore)
    {
        var template = new RequestMessageTemplate { RequestId = request.Id, Kind = kind, DaysBefore = daysBefore };
        request.MessageTemplates.Add(template);
        return template;
    }

    // The texts as they are stored: a template equal to the default is not stored, so its absence means "default".
    private static object Facts(DisclosureRequest request) =>
        new { request.ReminderDays, Templates = request.MessageTemplates.OrderBy(t => t.Kind).ThenBy(t => t.DaysBefore).Select(t => new { t.Kind, t.DaysBefore, t.Subject, t.Body }).ToList() };
}
