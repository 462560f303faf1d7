using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Web.Features.Audit;
using DisclosurePortal.Core.Answers;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using DisclosurePortal.Web.Features.Responses.Versions;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Responses.Submission;

/// <summary>A processed work list that can be part of the submission; <see cref="Suggested"/> is the page's first choice.</summary>
public sealed record SubmittableUpload(int Id, string FileName, long SizeBytes, string Sha256, DateTimeOffset UploadedAt, int RowsAccepted, int RowsRejected, bool InPreviousVersion, bool Suggested);

/// <summary>Everything the review page shows before the signatory signs.</summary>
public sealed record SubmissionReview(ResponseHeader Response, QuestionnaireAnswers Answers, string AnswersSha256, IReadOnlyList<AnswerProblem> Problems, IReadOnlyList<SubmittableUpload> Uploads, int UploadsInProgress, bool LateNow);

/// <summary>What the signatory enters on the review page.</summary>
public sealed class SubmissionForm
{
    public string SignatoryName { get; set; } = string.Empty;

    public string SignatoryTitle { get; set; } = string.Empty;

    public bool Confirmed { get; set; }

    public HashSet<int> UploadIds { get; set; } = [];

    /// <summary>SHA-256 of the answers the signatory reviewed; a draft changed since (another tab, a colleague) is not signed unseen.</summary>
    public string ReviewedAnswersSha256 { get; set; } = string.Empty;
}

/// <summary>The version a submission became, or the problems that stopped it (nothing is stored then).</summary>
public sealed record SubmissionOutcome(int? VersionNumber, IReadOnlyList<string> Problems, bool ReceiptMailed);

/// <summary>
/// Signing and submitting: checks the answers and the attestation, then freezes the draft and the chosen work lists
/// as version N (one more than the last), never touching earlier versions, and mails the receipt.
/// </summary>
public sealed class ResponseSubmission(
    IDbContextFactory<PortalDbContext> dbFactory,
    PortalSession session,
    ResponseLookup lookup,
    SubmissionReceipts receipts,
    ResponseChanges changes,
    TimeProvider clock,
    AuditTrail audit,
    ILogger<ResponseSubmission> logger)
{
    public async Task<SubmissionReview?> ReviewAsync(CancellationToken cancellationToken = default)
    {
        if (await lookup.CurrentAsync(cancellationToken) is not { } header)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var json = await db.Responses.Where(r => r.Id == header.ResponseId).Select(r => r.DraftAnswersJson).SingleAsync(cancellationToken);
        var answers = AnswerDocument.Read(json);
        var previous = await db.ResponseVersions.Where(v => v.ResponseId == header.ResponseId && v.Number == header.SubmittedVersions)
            .Select(v => new { v.SubmittedAt, Uploads = v.Uploads.Select(u => u.UploadId).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        var uploads = await db.WorkListUploads.AsNoTracking().Where(u => u.ResponseId == header.ResponseId).OrderBy(u => u.UploadedAt).ToListAsync(cancellationToken);
        var processed = uploads.Where(u => u.Status == UploadStatus.Processed)
            .Select(u =>
            {
                var inPrevious = previous?.Uploads.Contains(u.Id) == true;
                // First time: every list; an amendment: the last version's lists and whatever came after it.
                var suggested = previous is null || inPrevious || u.UploadedAt > previous.SubmittedAt;
                return new SubmittableUpload(u.Id, u.FileName, u.SizeBytes, u.Sha256, u.UploadedAt, u.RowsAccepted, u.RowsRejected, inPrevious, suggested);
            })
            .ToList();
        var inProgress = uploads.Count(u => u.Status is not (UploadStatus.Processed or UploadStatus.Refused));
        return new SubmissionReview(header, answers, AnswerDocument.Sha256(AnswerDocument.Write(answers)), QuestionnaireCheck.Problems(answers), processed, inProgress, clock.GetUtcNow() > header.DueAt);
    }

    public async Task<SubmissionOutcome> SubmitAsync(int responseId, SubmissionForm form, CancellationToken cancellationToken = default)
    {
        var principal = await session.GetAsync();
        var companyId = await session.RequireCompanyAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var response = await db.Responses.Include(r => r.Request).Include(r => r.Company)
            .SingleOrDefaultAsync(r => r.Id == responseId && r.CompanyId == companyId, cancellationToken);
        if (response is null || response.Request!.State == RequestState.Draft)
        {
            lookup.NotFound(principal, "response", responseId);
            return Refused("This response does not exist.");
        }

        var now = clock.GetUtcNow();
        var answers = AnswerDocument.Read(response.DraftAnswersJson);
        var chosen = await db.WorkListUploads.AsNoTracking()
            .Where(u => u.ResponseId == responseId && u.Status == UploadStatus.Processed && form.UploadIds.Contains(u.Id))
            .OrderBy(u => u.Id)
            .ToListAsync(cancellationToken);
        var problems = Check(response, answers, form, chosen, now);
        if (problems.Count > 0)
        {
            return new SubmissionOutcome(null, problems, false);
        }

        var uploadIds = chosen.Select(u => u.Id).ToList();
        await WorkListDifference.StampAsync(db, uploadIds, cancellationToken);
        var previousUploads = await WorkListDifference.UploadsOfAsync(db, responseId, response.SubmittedVersions, cancellationToken);
        var counts = response.SubmittedVersions == 0 ? new RowChangeCounts(0, 0, 0) : await WorkListDifference.CountAsync(db, previousUploads, uploadIds, cancellationToken);

        var json = AnswerDocument.Write(answers);
        var dueAt = response.DueAt(response.Request);
        var version = new ResponseVersion
        {
            ResponseId = responseId,
            CompanyId = companyId,
            Number = response.SubmittedVersions + 1,
            SubmittedAt = now,
            SubmittedByUserId = principal.UserId,
            DueAt = dueAt,
            IsLate = now > dueAt,
            ContentUse = answers.Use.Answer,
            AnswersJson = json,
            SignatoryName = form.SignatoryName.Trim(),
            SignatoryTitle = form.SignatoryTitle.Trim(),
            AttestationText = Attestation.Statement(answers, form.SignatoryName, form.SignatoryTitle, response.Request.Title),
            Works = await WorkListDifference.WorksAsync(db, uploadIds, cancellationToken),
            WorksAdded = counts.Added,
            WorksRemoved = counts.Removed,
            WorksChanged = counts.Changed,
            Uploads = chosen.Select(u => new ResponseVersionUpload
            {
                UploadId = u.Id,
                CompanyId = companyId,
                FileName = u.FileName,
                SizeBytes = u.SizeBytes,
                Sha256 = u.Sha256,
                RowsAccepted = u.RowsAccepted,
                RowsRejected = u.RowsRejected,
            }).ToList(),
        };
        var facts = SubmissionReceipts.Facts(version, response.Company!.Name, response.Request.Title, answers);
        version.Digest = ReceiptDocument.Digest(facts);
        db.ResponseVersions.Add(version);
        response.SubmittedVersions = version.Number;
        response.FirstSubmittedAt ??= now;
        response.LastSubmittedAt = now;
        response.LastSubmissionLate = version.IsLate;
        response.LastActivityAt = now;
        response.Status = ResponseStatus.Submitted;
        await audit.RecordAsync(db, version.Number == 1 ? AuditActions.ResponseSubmitted : AuditActions.ResponseAmended, version, companyId,
            after: new { version.ResponseId, version.Number, version.IsLate, version.ContentUse, version.SignatoryName, version.Works, Files = chosen.Select(u => new { u.FileName, u.Sha256 }), version.Digest });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // The unique (response, number) index: someone else at the company submitted in the same moment.
            logger.LogWarning(ex, "Submission of response {ResponseId} as version {Number} collided with another", responseId, version.Number);
            return Refused("Someone at your company submitted at the same moment. Reload the page to see the latest version, then submit again if needed.");
        }

        logger.LogInformation("Response {ResponseId} submitted as version {Number} by {UserId}{Late}: {Files} work lists, {Works} works, digest {Digest}",
            responseId, version.Number, principal.UserId, version.IsLate ? " (late)" : string.Empty, chosen.Count, version.Works, version.Digest);
        changes.Publish(responseId);
        var mailed = await receipts.MailAsync(principal.UserId, facts, cancellationToken);
        return new SubmissionOutcome(version.Number, [], mailed);
    }

    private static List<string> Check(DisclosureResponse response, QuestionnaireAnswers answers, SubmissionForm form, List<WorkListUpload> chosen, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (response.Request!.State == RequestState.Closed)
        {
            return ["The request is closed: no more answers are taken."];
        }

        var due = response.DueAt(response.Request);
        if (now > due && response.Request.RefuseLateSubmissions)
        {
            return [$"The due time passed on {due.UtcDateTime:d MMM yyyy HH:mm} UTC and this request takes no late answers. Ask for an extension."];
        }

        if (form.ReviewedAnswersSha256 != AnswerDocument.Sha256(AnswerDocument.Write(answers)))
        {
            return ["The answers changed after you opened this page. Reload it and review them before signing."];
        }

        if (QuestionnaireCheck.Problems(answers).Count > 0)
        {
            problems.Add("Complete the questionnaire first: the sections marked on the left still need answers.");
        }

        if (chosen.Count != form.UploadIds.Count)
        {
            problems.Add("One of the chosen work lists is not part of this response or is not processed yet; reload the page.");
        }

        if (answers.Use.Answer == ContentUseAnswer.Yes && chosen.Count == 0)
        {
            problems.Add("You answered that you used the label's content: include at least one work list naming the works.");
        }

        if (string.IsNullOrWhiteSpace(form.SignatoryName) || !Attestation.IsSignatory(answers, form.SignatoryName))
        {
            problems.Add($"Type the signatory's full name as given in the questionnaire ({answers.Company.SignatoryName}).");
        }

        if (string.IsNullOrWhiteSpace(form.SignatoryTitle))
        {
            problems.Add("Type the signatory's title.");
        }
        else if (form.SignatoryTitle.Trim().Length > QuestionnaireCheck.ShortTextLength)
        {
            problems.Add($"Keep the title under {QuestionnaireCheck.ShortTextLength} characters.");
        }

        if (!form.Confirmed)
        {
            problems.Add("Tick the box to confirm the statement.");
        }

        return problems;
    }

    private static SubmissionOutcome Refused(string problem) => new(null, [problem], false);
}
