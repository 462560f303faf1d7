using DisclosurePortal.Core.Tables;
using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Web.Features.Audit;
using DisclosurePortal.Core.WorkLists;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Data.Jobs;
using DisclosurePortal.Web.Features.Account;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Responses;

/// <summary>What became of a received file: recorded (its columns are to be confirmed), or refused at once.</summary>
public sealed record IntakeResult(int UploadId, bool Refused, string? Message);

/// <summary>
/// Receives a work list: streams it to storage while taking its SHA-256 (a program is refused on its first bytes, an
/// oversized file once it passes the limit, before it is stored in full), reads its header and records the file,
/// waiting for the respondent to confirm its columns. Confirming saves the mapping, remembers it for the company's
/// next file with the same header and queues the job that reads the rows (<see cref="WorkListValidationJob"/>), in
/// one transaction. A file that is no table at all is recorded as refused, with the reason.
/// </summary>
public sealed class WorkListIntake(
    IDbContextFactory<PortalDbContext> dbFactory,
    PortalSession session,
    IOptions<StorageOptions> storage,
    IOptions<WorkListUploadOptions> options,
    TimeProvider clock,
    AuditTrail audit,
    ILogger<WorkListIntake> logger)
{
    public long MaxBytes => options.Value.MaxBytes;

    public async Task<IntakeResult> ReceiveAsync(int responseId, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var principal = await session.GetAsync();
        var companyId = await session.RequireCompanyAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var response = await db.Responses.SingleOrDefaultAsync(r => r.Id == responseId, cancellationToken);
        if (response is null || response.CompanyId != companyId)
        {
            // Same answer as "does not exist": another company's response is not acknowledged, but it is logged.
            logger.LogWarning("Upload refused: user {UserId} of company {CompanyId} named response {ResponseId}, which is not its company's", principal.UserId, companyId, responseId);
            throw new KeyNotFoundException("Response not found.");
        }

        var storedName = $"{Guid.NewGuid():N}.upload";
        var path = WorkListFiles.PathOf(storage.Value, response.CompanyId, storedName);
        ReceivedFile file;
        try
        {
            file = await HashedFileCopy.ReceiveAsync(content, path, MaxBytes, cancellationToken, RefuseProgram);
        }
        catch (FileTooLargeException)
        {
            return new IntakeResult(0, true, $"The file is larger than {ByteSize.Describe(MaxBytes)}, the most one upload may be. Split the list into several files, or compress it as .gz, and upload again.");
        }
        catch (FileRefusedException ex)
        {
            return new IntakeResult(0, true, ex.Message);
        }

        var upload = new WorkListUpload
        {
            ResponseId = response.Id,
            CompanyId = response.CompanyId,
            FileName = SafeDisplayName(fileName),
            StoredName = storedName,
            SizeBytes = file.SizeBytes,
            Sha256 = file.Sha256,
            UploadedByUserId = principal.UserId,
            UploadedAt = clock.GetUtcNow(),
            Status = UploadStatus.AwaitingMapping,
        };
        try
        {
            var inspection = Inspect(path);
            upload.Format = BackgroundJob.Fit(inspection.Format, 200);
            upload.HeaderKey = inspection.HeaderKey;
        }
        catch (WorkListFormatException ex)
        {
            // Kept on record as refused, so the respondent's history shows what was sent and why it was not taken.
            (upload.Status, upload.RefusalReason) = (UploadStatus.Refused, BackgroundJob.Fit(ex.Message, 2000));
        }

        try
        {
            db.WorkListUploads.Add(upload);
            await audit.RecordAsync(db, AuditActions.UploadReceived, upload, upload.CompanyId, after: new { upload.ResponseId, upload.FileName, upload.SizeBytes, upload.Sha256, upload.Status, upload.RefusalReason });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            HashedFileCopy.Delete(path); // not recorded, so not kept either
            throw;
        }

        logger.LogInformation("Work list {UploadId} received for company {CompanyId}: {Bytes} bytes, SHA-256 {Sha256}, {Status}", upload.Id, upload.CompanyId, file.SizeBytes, upload.Sha256, upload.Status);
        return new IntakeResult(upload.Id, false, null);
    }

    /// <summary>
    /// The mapping step of an upload waiting for it: the file's format, header and first rows, and the mapping to start
    /// from — the one the company confirmed for this header before, else the one suggested from the header names.
    /// </summary>
    public async Task<ColumnMappingProposal> GetMappingAsync(int uploadId, CancellationToken cancellationToken = default)
    {
        var companyId = await session.RequireCompanyAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var upload = await FindAsync(db, uploadId, companyId, cancellationToken);
        var inspection = Inspect(WorkListFiles.PathOf(storage.Value, upload));
        var remembered = await db.CompanyColumnMappings.AsNoTracking()
            .Where(m => m.CompanyId == companyId && m.HeaderKey == inspection.HeaderKey)
            .Select(m => m.Mapping)
            .SingleOrDefaultAsync(cancellationToken);
        var mapping = remembered is null ? null : ColumnMappingJson.Read(remembered, inspection.Headers.Count);
        return new ColumnMappingProposal(upload.Id, upload.FileName, upload.SizeBytes, inspection.Format, inspection.Headers, inspection.SampleRows,
            mapping ?? inspection.SuggestedMapping, mapping is not null, upload.Status == UploadStatus.AwaitingMapping);
    }

    /// <summary>
    /// Confirms which column holds which field (null: the proposed mapping as it is) and starts the reading. Returns
    /// why the mapping cannot be used, or null once the rows are queued for reading.
    /// </summary>
    public async Task<string?> ConfirmMappingAsync(int uploadId, IReadOnlyDictionary<WorkListField, int>? mapping = null, CancellationToken cancellationToken = default)
    {
        var proposal = await GetMappingAsync(uploadId, cancellationToken);
        if (!proposal.Waiting)
        {
            return "This file's columns were confirmed already.";
        }

        mapping ??= proposal.Mapping;
        if (WorkListColumns.Problem(mapping, proposal.Headers) is { } problem)
        {
            return problem;
        }

        var companyId = await session.RequireCompanyAsync();
        var json = ColumnMappingJson.Write(mapping);
        var headerKey = WorkListColumns.HeaderKey(proposal.Headers);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Conditional on still waiting: of two confirmations (two tabs) one starts the reading.
        var changed = await db.WorkListUploads.Where(u => u.Id == uploadId && u.CompanyId == companyId && u.Status == UploadStatus.AwaitingMapping)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Status, UploadStatus.Received).SetProperty(u => u.ColumnMapping, json), cancellationToken);
        if (changed == 0)
        {
            return "This file's columns were confirmed already.";
        }

        var remembered = await db.CompanyColumnMappings.SingleOrDefaultAsync(m => m.CompanyId == companyId && m.HeaderKey == headerKey, cancellationToken);
        if (remembered is null)
        {
            db.CompanyColumnMappings.Add(new CompanyColumnMapping { CompanyId = companyId, HeaderKey = headerKey, Mapping = json, ConfirmedAt = now });
        }
        else
        {
            (remembered.Mapping, remembered.ConfirmedAt) = (json, now);
        }

        await audit.RecordAsync(db, AuditActions.UploadColumnsConfirmed, new AuditSubject(nameof(WorkListUpload), uploadId.ToString(System.Globalization.CultureInfo.InvariantCulture)), companyId, after: new { HeaderKey = headerKey, Mapping = json });
        await db.SaveChangesAsync(cancellationToken);
        await JobQueue.EnqueueAsync(db, JobKind.WorkListValidation, uploadId, companyId, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Columns of work list {UploadId} confirmed for company {CompanyId}; validation queued", uploadId, companyId);
        return null;
    }

    private async Task<WorkListUpload> FindAsync(PortalDbContext db, int uploadId, int companyId, CancellationToken cancellationToken)
    {
        var upload = await db.WorkListUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == uploadId && u.CompanyId == companyId, cancellationToken);
        if (upload is null || upload.Status is UploadStatus.Refused)
        {
            var principal = await session.GetAsync();
            logger.LogWarning("Refused: user {UserId} of company {CompanyId} named upload {UploadId}, which is not its company's, does not exist or was refused", principal.UserId, companyId, uploadId);
            throw new KeyNotFoundException("The upload was not found.");
        }

        return upload;
    }

    private WorkListInspection Inspect(string path)
    {
        using var stream = WorkListPackage.OpenHead(path, options.Value.MaxUnpackedBytes);
        var inspection = WorkListReader.Inspect(stream);
        return WorkListPackage.IsGzip(path) ? inspection with { Format = inspection.Format + ", unpacked from .gz" } : inspection;
    }

    private static string? RefuseProgram(byte[] head) =>
        ProgramSignature.Of(head) is { } program ? $"This file is {program}, not a work list, whatever its name says. Nothing was stored." : null;

    /// <summary>The user's file name without any folder part or control characters, for display only.</summary>
    internal static string SafeDisplayName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('\u202E' or '\u202D' or '\u2066' or '\u2067' or '\u2068' or '\u2069')).ToArray()).Trim();
        return string.IsNullOrEmpty(name) || name is "." or ".." ? "upload" : name.Length <= 200 ? name : name[..200];
    }
}

/// <summary>What the mapping step shows: the file as read, and the field → column mapping to start from.</summary>
public sealed record ColumnMappingProposal(int UploadId, string FileName, long SizeBytes, string Format, IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> SampleRows, IReadOnlyDictionary<WorkListField, int> Mapping, bool Remembered, bool Waiting);
