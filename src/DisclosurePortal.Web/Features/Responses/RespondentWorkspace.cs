using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Responses;

public sealed record ResponseSummary(int ResponseId, string CompanyName, string RequestTitle, string LetterText, DateOnly ReservationDate, DateTimeOffset DueAt, ResponseStatus Status);

public sealed record UploadSummary(int Id, string FileName, long SizeBytes, string Sha256, DateTimeOffset UploadedAt, UploadStatus Status, string? RefusalReason,
    int RowsAccepted, int RowsRejected, int RowsMatched, UploadProgress Progress, string? Format = null);

/// <summary>One accepted row as the preview shows it: every field the portal kept of it.</summary>
public sealed record AcceptedRow(int LineNumber, string? Title, string? Artist, string? Album, string? Isrc, string? Iswc, string? Upc, int? DurationSeconds, int? Year,
    AssetKind AssetKind, string? Dataset, string? Purpose, string? Model, string? Warning);

/// <summary>A page of an upload's accepted rows, with the count of all of them.</summary>
public sealed record AcceptedRowPage(IReadOnlyList<AcceptedRow> Rows, int Total);

public sealed record RejectedRow(int LineNumber, string Reason);

/// <summary>A line of the downloadable row report: a rejected row, or an accepted one with what was ignored of it.</summary>
public sealed record ReportRow(int LineNumber, string Outcome, string Message);

/// <summary>
/// What a respondent sees of their own company's response; nothing here crosses companies. Queries run in the
/// company's scope and each id a caller names is checked again: another company's record is answered as not found
/// (<see cref="KeyNotFoundException"/>, a 404) and the attempt is logged.
/// </summary>
public sealed class RespondentWorkspace(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session, TimeProvider clock, ILogger<RespondentWorkspace> logger)
{
    /// <summary>The company's responses to requests that have been sent, newest deadline first; seeing them is what marks them opened.</summary>
    public async Task<IReadOnlyList<ResponseSummary>> GetResponsesAsync()
    {
        var companyId = await session.RequireCompanyAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        await db.Responses.Where(r => r.CompanyId == companyId && r.OpenedAt == null && r.Request!.State != RequestState.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.OpenedAt, now));
        var rows = await db.Responses.AsNoTracking()
            .Where(r => r.CompanyId == companyId && r.Request!.State != RequestState.Draft)
            .Select(r => new { r.Id, Company = r.Company!.Name, r.Request!.Title, r.Request.LetterText, r.Request.ReservationDate, r.Request.Deadline, r.ExtendedDeadline, r.Status })
            .ToListAsync();
        return rows
            .Select(r => new ResponseSummary(r.Id, r.Company, r.Title, r.LetterText, r.ReservationDate, r.ExtendedDeadline ?? r.Deadline, r.Status))
            .OrderByDescending(r => r.DueAt)
            .ToList();
    }

    /// <summary>The response's uploads, newest first, each with where its processing stands.</summary>
    public async Task<IReadOnlyList<UploadSummary>> GetUploadsAsync(int responseId, CancellationToken cancellationToken = default)
    {
        var companyId = await session.RequireCompanyAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Responses.AnyAsync(r => r.Id == responseId && r.CompanyId == companyId, cancellationToken))
        {
            throw await NotFoundAsync("response", responseId, companyId);
        }

        var uploads = await db.WorkListUploads.AsNoTracking()
            .Where(u => u.ResponseId == responseId && u.CompanyId == companyId)
            .Select(u => new { u.Id, u.FileName, u.SizeBytes, u.Sha256, u.UploadedAt, u.Status, u.RefusalReason, u.RowsAccepted, u.RowsRejected, u.RowsMatched, u.Format })
            .ToListAsync(cancellationToken);
        var jobs = await UploadProcessing.LatestJobsAsync(db, uploads.Select(u => u.Id).ToList(), cancellationToken);
        return uploads
            .Select(u => new UploadSummary(u.Id, u.FileName, u.SizeBytes, u.Sha256, u.UploadedAt, u.Status, u.RefusalReason, u.RowsAccepted, u.RowsRejected, u.RowsMatched,
                UploadProcessing.ProgressOf(jobs, u.Id, u.Status, u.RefusalReason), u.Format))
            .OrderByDescending(u => u.UploadedAt)
            .ThenByDescending(u => u.Id)
            .ToList();
    }

    public async Task<IReadOnlyList<RejectedRow>> GetRejectedRowsAsync(int uploadId, int max = 200)
    {
        var companyId = await session.RequireCompanyAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.WorkListUploads.AnyAsync(u => u.Id == uploadId && u.CompanyId == companyId))
        {
            throw await NotFoundAsync("upload", uploadId, companyId);
        }

        return await db.WorkListEntries.AsNoTracking()
            .Where(e => e.UploadId == uploadId && e.CompanyId == companyId && e.RejectionReason != null)
            .OrderBy(e => e.LineNumber)
            .Take(max)
            .Select(e => new RejectedRow(e.LineNumber, e.RejectionReason!))
            .ToListAsync();
    }

    /// <summary>A page of one of the company's uploads' accepted rows, in line order, read from the database a page at a time.</summary>
    public async Task<AcceptedRowPage> GetAcceptedRowsAsync(int uploadId, int skip, int take, AssetKind? kind = null, CancellationToken cancellationToken = default)
    {
        var companyId = await session.RequireCompanyAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RequireUploadAsync(db, uploadId, companyId, cancellationToken);
        var rows = db.WorkListEntries.AsNoTracking()
            .Where(e => e.UploadId == uploadId && e.CompanyId == companyId && e.RejectionReason == null && (kind == null || e.AssetKind == kind));
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderBy(e => e.LineNumber).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200))
            .Select(e => new AcceptedRow(e.LineNumber, e.Title, e.Artist, e.Album, e.Isrc, e.Iswc, e.Upc, e.DurationSeconds, e.Year, e.AssetKind, e.Dataset, e.Purpose, e.Model, e.Warning))
            .ToListAsync(cancellationToken);
        return new AcceptedRowPage(page, total);
    }

    /// <summary>How many of an upload's accepted rows are of each asset kind (and how many carry a warning), counted by the database.</summary>
    public async Task<IReadOnlyList<(AssetKind Kind, int Rows, int Warned)>> CountAcceptedByKindAsync(int uploadId, CancellationToken cancellationToken = default)
    {
        var companyId = await session.RequireCompanyAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RequireUploadAsync(db, uploadId, companyId, cancellationToken);
        var counts = await db.WorkListEntries.AsNoTracking()
            .Where(e => e.UploadId == uploadId && e.CompanyId == companyId && e.RejectionReason == null)
            .GroupBy(e => e.AssetKind)
            .Select(g => new { g.Key, Rows = g.Count(), Warned = g.Count(e => e.Warning != null) })
            .ToListAsync(cancellationToken);
        return counts.OrderBy(c => c.Key).Select(c => (c.Key, c.Rows, c.Warned)).ToList();
    }

    private async Task RequireUploadAsync(PortalDbContext db, int uploadId, int companyId, CancellationToken cancellationToken)
    {
        if (!await db.WorkListUploads.AnyAsync(u => u.Id == uploadId && u.CompanyId == companyId, cancellationToken))
        {
            throw await NotFoundAsync("upload", uploadId, companyId);
        }
    }

    /// <summary>
    /// The row report of one of the company's uploads, for the download, with the upload's file name: every rejected row
    /// with its reason and every accepted row with a warning, in line order, streamed from the database.
    /// </summary>
    public async Task<(string FileName, IAsyncEnumerable<ReportRow> Rows)> GetRowReportAsync(int uploadId)
    {
        var companyId = await session.RequireCompanyAsync();
        string fileName;
        await using (var check = await dbFactory.CreateDbContextAsync())
        {
            fileName = await check.WorkListUploads.Where(u => u.Id == uploadId && u.CompanyId == companyId).Select(u => u.FileName).SingleOrDefaultAsync()
                ?? throw await NotFoundAsync("upload", uploadId, companyId);
        }

        return (fileName, ReportRowsAsync(uploadId, companyId));
    }

    private async IAsyncEnumerable<ReportRow> ReportRowsAsync(int uploadId, int companyId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = db.WorkListEntries.AsNoTracking()
            .Where(e => e.UploadId == uploadId && e.CompanyId == companyId && (e.RejectionReason != null || e.Warning != null))
            .OrderBy(e => e.LineNumber)
            .Select(e => new { e.LineNumber, e.RejectionReason, e.Warning })
            .AsAsyncEnumerable();
        await foreach (var row in rows)
        {
            yield return row.RejectionReason is { } reason ? new ReportRow(row.LineNumber, "rejected", reason) : new ReportRow(row.LineNumber, "accepted with warning", row.Warning!);
        }
    }

    /// <summary>"Not found" for a record that is not the company's (or does not exist), with the attempt logged.</summary>
    private async Task<KeyNotFoundException> NotFoundAsync(string what, int id, int companyId)
    {
        var principal = await session.GetAsync();
        logger.LogWarning("Refused: user {UserId} of company {CompanyId} named {Record} {RecordId}, which is not its company's or does not exist", principal.UserId, companyId, what, id);
        return new KeyNotFoundException($"The {what} was not found.");
    }
}
