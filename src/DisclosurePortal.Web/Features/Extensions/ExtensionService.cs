using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Web.Features.Audit;
using DisclosurePortal.Core.Deadlines;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using DisclosurePortal.Web.Features.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Extensions;

/// <summary>An extension request with its decision, as both sides see it.</summary>
public sealed record ExtensionEntry(
    int Id,
    int ResponseId,
    string CompanyName,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string Reason,
    DateTimeOffset DueAtWhenRequested,
    DateTimeOffset WishedDueAt,
    ExtensionStatus Status,
    DateTimeOffset? DecidedAt,
    DateTimeOffset? GrantedDueAt,
    string? DecisionComment);

/// <summary>Done, or the problems in words (nothing changed then).</summary>
public sealed record ExtensionResult(bool Done, IReadOnlyList<string> Problems)
{
    public static ExtensionResult Ok { get; } = new(true, []);

    public static ExtensionResult Refused(IReadOnlyList<string> problems) => new(false, problems);
}

/// <summary>
/// Extension requests: a respondent asks (reason, wished date), an admin grants (the new due time becomes the
/// response's ExtendedDeadline, which countdowns and reminders read) or refuses with a comment. Nothing is deleted.
/// </summary>
public sealed class ExtensionService(
    IDbContextFactory<PortalDbContext> dbFactory,
    PortalSession session,
    ResponseLookup lookup,
    ResponseChanges changes,
    IMailDelivery delivery,
    IOptions<EmailOptions> email,
    AccountEmailLinks links,
    TimeProvider clock,
    AuditTrail audit,
    ILogger<ExtensionService> logger)
{
    private const int DecidedShown = 50;

    /// <summary>Every request of one response, newest first; for its company's respondents and for staff.</summary>
    public async Task<IReadOnlyList<ExtensionEntry>> HistoryAsync(int responseId, CancellationToken cancellationToken = default)
    {
        if (await lookup.FindAsync(responseId, cancellationToken) is null)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Entries(db, db.ExtensionRequests.Where(e => e.ResponseId == responseId)).ToListAsync(cancellationToken);
    }

    public async Task<ExtensionResult> RequestAsync(int responseId, string? reason, DateOnly? wishedDay, CancellationToken cancellationToken = default)
    {
        var principal = await session.GetAsync();
        var companyId = await session.RequireCompanyAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var response = await db.Responses.Include(r => r.Request).SingleOrDefaultAsync(r => r.Id == responseId && r.CompanyId == companyId, cancellationToken);
        if (response is null || response.Request!.State == RequestState.Draft)
        {
            lookup.NotFound(principal, "response", responseId);
            return ExtensionResult.Refused(["This response does not exist."]);
        }

        if (response.Request.State == RequestState.Closed)
        {
            return ExtensionResult.Refused(["The request is closed."]);
        }

        var due = response.DueAt(response.Request);
        DateTimeOffset? wished = wishedDay is { } day ? ExtensionRules.DueOn(day, due) : null;
        var pending = await db.ExtensionRequests.AnyAsync(e => e.ResponseId == responseId && e.Status == ExtensionStatus.Requested, cancellationToken);
        var problems = ExtensionRules.CheckRequest(reason, wished, due, clock.GetUtcNow(), pending);
        if (problems.Count > 0)
        {
            return ExtensionResult.Refused(problems);
        }

        var extension = new ExtensionRequest
        {
            ResponseId = responseId,
            CompanyId = companyId,
            RequestedByUserId = principal.UserId,
            RequestedAt = clock.GetUtcNow(),
            Reason = reason!.Trim(),
            DueAtWhenRequested = due,
            WishedDueAt = wished!.Value,
            Status = ExtensionStatus.Requested,
        };
        db.ExtensionRequests.Add(extension);
        response.ExtensionStatus = ExtensionStatus.Requested;
        response.LastActivityAt = clock.GetUtcNow();
        await audit.RecordAsync(db, AuditActions.ExtensionRequested, extension, companyId, after: new { extension.ResponseId, extension.Reason, extension.DueAtWhenRequested, extension.WishedDueAt });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Response {ResponseId} asks for an extension to {Wished:u}", responseId, wished);
        changes.Publish(responseId);
        return ExtensionResult.Ok;
    }

    /// <summary>The admin's queue: open requests (oldest first), then the latest decisions.</summary>
    public async Task<IReadOnlyList<ExtensionEntry>> QueueAsync(CancellationToken cancellationToken = default)
    {
        await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await Entries(db, db.ExtensionRequests.Where(e => e.Status == ExtensionStatus.Requested)).ToListAsync(cancellationToken);
        var decided = await Entries(db, db.ExtensionRequests.Where(e => e.Status != ExtensionStatus.Requested)).Take(DecidedShown).ToListAsync(cancellationToken);
        return [.. open.OrderBy(e => e.RequestedAt), .. decided];
    }

    public Task<ExtensionResult> GrantAsync(int extensionId, DateOnly? day, string? comment, CancellationToken cancellationToken = default) =>
        DecideAsync(extensionId, ExtensionStatus.Granted, day, comment, cancellationToken);

    public Task<ExtensionResult> RefuseAsync(int extensionId, string? comment, CancellationToken cancellationToken = default) =>
        DecideAsync(extensionId, ExtensionStatus.Refused, null, comment, cancellationToken);

    private async Task<ExtensionResult> DecideAsync(int extensionId, ExtensionStatus decision, DateOnly? day, string? comment, CancellationToken cancellationToken)
    {
        var admin = await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var extension = await db.ExtensionRequests.Include(e => e.Response).ThenInclude(r => r!.Request).SingleOrDefaultAsync(e => e.Id == extensionId, cancellationToken);
        if (extension is null)
        {
            return ExtensionResult.Refused(["There is no such extension request."]);
        }

        if (extension.Status != ExtensionStatus.Requested)
        {
            return ExtensionResult.Refused(["This request has already been decided."]);
        }

        var response = extension.Response!;
        var now = clock.GetUtcNow();
        var due = response.DueAt(response.Request!);
        DateTimeOffset? granted = day is { } d ? ExtensionRules.DueOn(d, due) : null;
        var problems = decision == ExtensionStatus.Granted ? ExtensionRules.CheckGrant(granted, comment, due, now) : ExtensionRules.CheckRefusal(comment);
        if (problems.Count > 0)
        {
            return ExtensionResult.Refused(problems);
        }

        extension.Status = decision;
        extension.DecidedAt = now;
        extension.DecidedByUserId = admin.UserId;
        extension.DecisionComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        response.ExtensionStatus = decision;
        if (decision == ExtensionStatus.Granted)
        {
            extension.GrantedDueAt = granted;
            response.ExtendedDeadline = granted;
        }

        await audit.RecordAsync(db, decision == ExtensionStatus.Granted ? AuditActions.ExtensionGranted : AuditActions.ExtensionRefused, extension, extension.CompanyId,
            before: new { Status = ExtensionStatus.Requested, DueAt = due }, after: new { extension.Status, extension.GrantedDueAt, extension.DecisionComment });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Extension {ExtensionId} of response {ResponseId} {Decision} by {UserId}", extensionId, response.Id, decision, admin.UserId);
        changes.Publish(response.Id);

        await NotifyAsync(db, extension, cancellationToken);
        return ExtensionResult.Ok;
    }

    private async Task NotifyAsync(PortalDbContext db, ExtensionRequest extension, CancellationToken cancellationToken)
    {
        var to = await db.Users.Where(u => u.Id == extension.RequestedByUserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(to))
        {
            return;
        }

        var outcome = extension.Status == ExtensionStatus.Granted
            ? $"Your request for more time was granted: your answer is now due {extension.GrantedDueAt!.Value.UtcDateTime:d MMM yyyy HH:mm} UTC."
            : $"Your request for more time was refused: your answer stays due {extension.DueAtWhenRequested.UtcDateTime:d MMM yyyy HH:mm} UTC.";
        var message = PortalMail.Create(email.Value.From, to, "Your extension request was answered",
            [outcome, .. extension.DecisionComment is { } c ? new[] { $"The label's comment: {c}" } : [], "The request and its history:"],
            links.Page("response/extension"), []);
        try
        {
            await delivery.DeliverAsync(message, cancellationToken);
        }
        catch (MailDeliveryException ex)
        {
            logger.LogWarning(ex, "The decision on extension {ExtensionId} could not be mailed", extension.Id);
        }
    }

    private static IQueryable<ExtensionEntry> Entries(PortalDbContext db, IQueryable<ExtensionRequest> requests) =>
        requests.OrderByDescending(e => e.RequestedAt).Select(e => new ExtensionEntry(
            e.Id,
            e.ResponseId,
            e.Response!.Company!.Name,
            db.Users.Where(u => u.Id == e.RequestedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "—",
            e.RequestedAt,
            e.Reason,
            e.DueAtWhenRequested,
            e.WishedDueAt,
            e.Status,
            e.DecidedAt,
            e.GrantedDueAt,
            e.DecisionComment));
}
