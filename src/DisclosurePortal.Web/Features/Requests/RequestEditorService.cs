using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Web.Features.Audit;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Requests;

/// <summary>The editable part of a request, as the editor form holds it. Times are UTC.</summary>
public sealed class RequestDraft
{
    public int? Id { get; set; }

    public string Title { get; set; } = string.Empty;

    public string LetterText { get; set; } = string.Empty;

    public DateTime? ReservationDate { get; set; } = new DateTime(2024, 5, 16);

    public DateTime? DeadlineDate { get; set; }

    public TimeSpan? DeadlineTime { get; set; } = new TimeSpan(17, 0, 0);

    public RequestState State { get; set; } = RequestState.Draft;

    /// <summary>Nothing is taken after a company's due time (otherwise late answers are taken and marked late).</summary>
    public bool RefuseLateSubmissions { get; set; }

    public DateTimeOffset? Deadline => DeadlineDate is { } date ? new DateTimeOffset(date.Date + (DeadlineTime ?? TimeSpan.Zero), TimeSpan.Zero) : null;
}

/// <summary>Admins write a request as a draft, send it (the deadline starts to count), and close it.</summary>
public sealed class RequestEditorService(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session, TimeProvider clock, AuditTrail audit, ILogger<RequestEditorService> logger)
{
    /// <summary>A request sent without a deadline gets this long to answer.</summary>
    public static readonly TimeSpan DefaultAnswerPeriod = TimeSpan.FromDays(30);

    public async Task<RequestDraft?> GetAsync(int id)
    {
        await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        return request is null ? null : new RequestDraft
        {
            Id = request.Id,
            Title = request.Title,
            LetterText = request.LetterText,
            ReservationDate = request.ReservationDate.ToDateTime(TimeOnly.MinValue),
            DeadlineDate = request.Deadline.UtcDateTime.Date,
            DeadlineTime = request.Deadline.UtcDateTime.TimeOfDay,
            State = request.State,
            RefuseLateSubmissions = request.RefuseLateSubmissions,
        };
    }

    /// <summary>Creates or updates the request; returns the problems in words, or none (and the id) when saved.</summary>
    public async Task<(int? Id, IReadOnlyList<string> Problems)> SaveAsync(RequestDraft draft)
    {
        await session.RequireAdminAsync();
        var problems = Validate(draft, sending: false);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var request = draft.Id is { } id ? await db.Requests.SingleOrDefaultAsync(r => r.Id == id) : null;
        if (draft.Id is not null && request is null)
        {
            return (null, ["This request no longer exists."]);
        }

        if (request is { State: RequestState.Closed })
        {
            return (null, ["A closed request cannot be changed."]);
        }

        var before = request is null ? null : Facts(request);
        if (request is null)
        {
            request = new DisclosureRequest { State = RequestState.Draft, CreatedAt = clock.GetUtcNow() };
            db.Requests.Add(request);
        }

        // Once sent, the letter is what the companies were given: only the deadline may still move.
        if (request.State == RequestState.Draft)
        {
            request.Title = draft.Title.Trim();
            request.LetterText = draft.LetterText.Trim();
            request.ReservationDate = DateOnly.FromDateTime(draft.ReservationDate!.Value);
        }

        // Like the deadline, the late rule may still change after sending: it decides what happens at the deadline.
        request.RefuseLateSubmissions = draft.RefuseLateSubmissions;
        request.Deadline = draft.Deadline ?? (request.State == RequestState.Draft ? clock.GetUtcNow().Add(DefaultAnswerPeriod) : request.Deadline);
        await audit.RecordAsync(db, before is null ? AuditActions.RequestCreated : AuditActions.RequestChanged, request, null, before, Facts(request));
        await db.SaveChangesAsync();
        logger.LogInformation("Request {RequestId} saved ({State})", request.Id, request.State);
        return (request.Id, []);
    }

    /// <summary>Draft → Sent. The deadline must lie in the future; without one it is 30 days from now.</summary>
    public async Task<IReadOnlyList<string>> SendAsync(RequestDraft draft)
    {
        var (id, problems) = await SaveAsync(draft);
        if (id is null)
        {
            return problems;
        }

        problems = Validate(draft, sending: true);
        if (problems.Count > 0)
        {
            return problems;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var request = await db.Requests.SingleAsync(r => r.Id == id);
        if (request.State != RequestState.Draft)
        {
            return ["Only a draft can be sent."];
        }

        request.State = RequestState.Sent;
        request.SentAt = clock.GetUtcNow();
        if (draft.Deadline is null)
        {
            request.Deadline = request.SentAt.Value.Add(DefaultAnswerPeriod);
        }

        await audit.RecordAsync(db, AuditActions.RequestSent, request, null, new { State = RequestState.Draft }, new { request.State, request.SentAt, request.Deadline });
        await db.SaveChangesAsync();
        draft.Id = id;
        draft.State = RequestState.Sent;
        logger.LogInformation("Request {RequestId} sent, due {Deadline:u}", request.Id, request.Deadline);
        return [];
    }

    /// <summary>Sent → Closed: answers stay readable, no new ones are expected.</summary>
    public async Task<IReadOnlyList<string>> CloseAsync(int id)
    {
        await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == id);
        if (request is not { State: RequestState.Sent })
        {
            return ["Only a sent request can be closed."];
        }

        request.State = RequestState.Closed;
        await audit.RecordAsync(db, AuditActions.RequestClosed, request, null, new { State = RequestState.Sent }, new { request.State });
        await db.SaveChangesAsync();
        logger.LogInformation("Request {RequestId} closed", id);
        return [];
    }

    private List<string> Validate(RequestDraft draft, bool sending)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(draft.Title))
        {
            problems.Add("Give the request a title.");
        }
        else if (draft.Title.Trim().Length > 300)
        {
            problems.Add("Keep the title under 300 characters.");
        }

        if (string.IsNullOrWhiteSpace(draft.LetterText))
        {
            problems.Add("Write the letter the companies will read.");
        }

        if (draft.ReservationDate is null)
        {
            problems.Add("Give the date from which your rights were reserved.");
        }

        if (sending && draft.Deadline is { } deadline && deadline <= clock.GetUtcNow())
        {
            problems.Add("The deadline must be in the future.");
        }

        return problems;
    }

    private static object Facts(DisclosureRequest request) =>
        new { request.Title, request.ReservationDate, request.Deadline, request.RefuseLateSubmissions, request.State, LetterSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(request.LetterText ?? string.Empty))) };
}
