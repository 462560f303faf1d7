using DisclosurePortal.Core.Answers;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using DisclosurePortal.Web.Features.Responses.Submission;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Responses.Versions;

public sealed record VersionSummary(int Id, int Number, DateTimeOffset SubmittedAt, bool IsLate, string SignatoryName, string SignatoryTitle,
    ContentUseAnswer ContentUse, int Files, int Works, int WorksAdded, int WorksRemoved, int WorksChanged);

/// <summary>One version as its receipt page shows it.</summary>
public sealed record VersionDetail(ResponseHeader Response, VersionSummary Summary, ReceiptFacts Receipt, string Digest, QuestionnaireAnswers Answers);

/// <summary>How two versions differ: answers field by field, work lists by counts (their rows are paged separately).</summary>
public sealed record VersionComparison(int From, int To, IReadOnlyList<AnswerChange> AnswerChanges, RowChangeCounts Rows);

/// <summary>A receipt ready for download.</summary>
public sealed record ReceiptDownload(string FileName, string Text);

/// <summary>
/// Submitted versions of a response for its company's respondents and for staff: the list, each version's receipt,
/// and the difference between any two. Every call re-checks who may see the response (<see cref="ResponseLookup"/>).
/// </summary>
public sealed class ResponseVersionsService(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session, ResponseLookup lookup)
{
    public async Task<IReadOnlyList<VersionSummary>> ListAsync(int responseId, CancellationToken cancellationToken = default)
    {
        if (await lookup.FindAsync(responseId, cancellationToken) is null)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Summaries(db.ResponseVersions.Where(v => v.ResponseId == responseId).OrderByDescending(v => v.Number)).ToListAsync(cancellationToken);
    }

    public async Task<VersionDetail?> GetAsync(int responseId, int number, CancellationToken cancellationToken = default)
    {
        if (await lookup.FindAsync(responseId, cancellationToken) is not { } header)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.ResponseVersions.AsNoTracking().Include(v => v.Uploads).SingleOrDefaultAsync(v => v.ResponseId == responseId && v.Number == number, cancellationToken);
        return version is null ? null : Detail(header, version);
    }

    public async Task<VersionComparison?> CompareAsync(int responseId, int from, int to, CancellationToken cancellationToken = default)
    {
        if (await lookup.FindAsync(responseId, cancellationToken) is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pair = await db.ResponseVersions.AsNoTracking()
            .Where(v => v.ResponseId == responseId && (v.Number == from || v.Number == to))
            .Select(v => new { v.Number, v.AnswersJson, Uploads = v.Uploads.Select(u => u.UploadId).ToList() })
            .ToListAsync(cancellationToken);
        var older = pair.SingleOrDefault(v => v.Number == from);
        var newer = pair.SingleOrDefault(v => v.Number == to);
        if (older is null || newer is null)
        {
            return null;
        }

        var changes = AnswerLines.Changes(AnswerDocument.Read(older.AnswersJson), AnswerDocument.Read(newer.AnswersJson));
        return new VersionComparison(from, to, changes, await WorkListDifference.CountAsync(db, older.Uploads, newer.Uploads, cancellationToken));
    }

    public async Task<RowDifferencePage> RowChangesAsync(int responseId, int from, int to, RowChange change, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (await lookup.FindAsync(responseId, cancellationToken) is null)
        {
            return new RowDifferencePage([], 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var older = await WorkListDifference.UploadsOfAsync(db, responseId, from, cancellationToken);
        var newer = await WorkListDifference.UploadsOfAsync(db, responseId, to, cancellationToken);
        return await WorkListDifference.PageAsync(db, change, older, newer, page, Math.Clamp(pageSize, 1, 200), cancellationToken);
    }

    /// <summary>A version's receipt as a text file, for its company and for staff; null (and logged) for anyone else.</summary>
    public async Task<ReceiptDownload?> ReceiptAsync(int versionId, CancellationToken cancellationToken = default)
    {
        var principal = await session.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.ResponseVersions.AsNoTracking().Include(v => v.Uploads).SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        var header = version is null || (!principal.IsStaff && version.CompanyId != principal.CompanyId) ? null : await lookup.FindAsync(version.ResponseId, cancellationToken);
        if (version is null || header is null)
        {
            lookup.NotFound(principal, "receipt of version", versionId);
            return null;
        }

        var receipt = Detail(header, version).Receipt;
        return new ReceiptDownload(ReceiptDocument.FileName(receipt), ReceiptDocument.Render(receipt));
    }

    private static VersionDetail Detail(ResponseHeader header, ResponseVersion version)
    {
        var answers = AnswerDocument.Read(version.AnswersJson);
        var receipt = SubmissionReceipts.Facts(version, header.CompanyName, header.RequestTitle, answers);
        var summary = new VersionSummary(version.Id, version.Number, version.SubmittedAt, version.IsLate, version.SignatoryName, version.SignatoryTitle,
            version.ContentUse, version.Uploads.Count, version.Works, version.WorksAdded, version.WorksRemoved, version.WorksChanged);
        return new VersionDetail(header, summary, receipt, version.Digest, answers);
    }

    private static IQueryable<VersionSummary> Summaries(IQueryable<ResponseVersion> versions) =>
        versions.Select(v => new VersionSummary(v.Id, v.Number, v.SubmittedAt, v.IsLate, v.SignatoryName, v.SignatoryTitle, v.ContentUse,
            v.Uploads.Count, v.Works, v.WorksAdded, v.WorksRemoved, v.WorksChanged));
}
