using DisclosurePortal.Core.Tables;
using System.Globalization;
using DisclosurePortal.Core.Answers;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Responses.Questionnaire;

/// <summary>What became of an attached document: the document, or why it was refused.</summary>
public sealed record AttachmentResult(AttachedDocument? Document, string? Problem);

/// <summary>An attachment to hand out for download.</summary>
public sealed record StoredAttachment(string FileName, string Path);

/// <summary>
/// Receives the EU training-content summary a company attaches: streamed to storage with its SHA-256, size-limited,
/// kept under a name of the portal's own (the user's name is for display only), never overwritten.
/// </summary>
public sealed class TrainingSummaryStore(
    IDbContextFactory<PortalDbContext> dbFactory,
    PortalSession session,
    ResponseLookup lookup,
    IOptions<StorageOptions> storage,
    IOptions<AnswerOptions> options,
    TimeProvider clock,
    ILogger<TrainingSummaryStore> logger)
{
    /// <summary>Documents people publish such a summary as.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".pdf", ".docx", ".odt", ".html", ".htm", ".txt", ".md"];

    public long MaxBytes => options.Value.TrainingSummaryMaxBytes;

    public async Task<AttachmentResult> ReceiveAsync(int responseId, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var principal = await session.GetAsync();
        var companyId = await session.RequireCompanyAsync();
        var name = WorkListIntake.SafeDisplayName(fileName);
        if (!Extensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
        {
            return new AttachmentResult(null, $"Attach the summary as {string.Join(", ", Extensions.Where(e => e != ".htm"))}.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var response = await db.Responses.Include(r => r.Request).SingleOrDefaultAsync(r => r.Id == responseId && r.CompanyId == companyId, cancellationToken);
        if (response is null || response.Request!.State != RequestState.Sent)
        {
            lookup.NotFound(principal, "response", responseId);
            return new AttachmentResult(null, response is null ? "This response does not exist." : "The request is closed: answers can no longer change.");
        }

        var storedName = $"{Guid.NewGuid():N}.upload";
        var path = PathOf(companyId, storedName);
        ReceivedFile received;
        try
        {
            received = await HashedFileCopy.ReceiveAsync(content, path, MaxBytes, cancellationToken);
        }
        catch (FileTooLargeException ex)
        {
            return new AttachmentResult(null, ex.Message);
        }

        if (received.SizeBytes == 0 || ProgramSignature.Of(received.Head) is not null)
        {
            HashedFileCopy.Delete(path);
            return new AttachmentResult(null, received.SizeBytes == 0 ? "The file is empty." : "This is a program, not a document.");
        }

        var attachment = new ResponseAttachment
        {
            ResponseId = responseId,
            CompanyId = companyId,
            FileName = name,
            StoredName = storedName,
            SizeBytes = received.SizeBytes,
            Sha256 = received.Sha256,
            UploadedByUserId = principal.UserId,
            UploadedAt = clock.GetUtcNow(),
        };
        db.ResponseAttachments.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Training-content summary {AttachmentId} attached to response {ResponseId}: {Bytes} bytes, SHA-256 {Sha256}", attachment.Id, responseId, received.SizeBytes, received.Sha256);
        return new AttachmentResult(new AttachedDocument { AttachmentId = attachment.Id, FileName = name, SizeBytes = received.SizeBytes, Sha256 = received.Sha256 }, null);
    }

    /// <summary>The attachment for its company's respondents and for staff; null (and logged) for anyone else.</summary>
    public async Task<StoredAttachment?> OpenAsync(int attachmentId, CancellationToken cancellationToken = default)
    {
        var principal = await session.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attachment = await db.ResponseAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);
        if (attachment is null || (!principal.IsStaff && attachment.CompanyId != principal.CompanyId))
        {
            lookup.NotFound(principal, "attachment", attachmentId);
            return null;
        }

        var path = PathOf(attachment.CompanyId, attachment.StoredName);
        return File.Exists(path) ? new StoredAttachment(attachment.FileName, path) : null;
    }

    private string PathOf(int companyId, string storedName) =>
        Path.Combine(storage.Value.DataDirectory, "attachments", companyId.ToString(CultureInfo.InvariantCulture), storedName);
}
