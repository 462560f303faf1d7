using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Web.Features.Audit;
using System.Security.Cryptography;
using DisclosurePortal.Core.WorkLists;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Data.Jobs;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Responses;

/// <summary>What became of a received file: recorded (its rows are read in the background), or refused at once.</summary>
public sealed record IntakeResult(int UploadId, bool Refused, string? Message);

/// <summary>
/// Receives a work list: streams it to storage while taking its SHA-256, then records the file and queues the
/// job that reads its rows (<see cref="WorkListValidationJob"/>) in one transaction, so a recorded upload always
/// gets read, also after a restart. Nothing is parsed here: the request ends when the file is safely stored.
/// </summary>
public sealed class WorkListIntake(
    IDbContextFactory<PortalDbContext> dbFactory,
    PortalSession session,
    IOptions<StorageOptions> storage,
    TimeProvider clock,
    AuditTrail audit,
    ILogger<WorkListIntake> logger)
{
    public const long MaxBytes = 200L * 1024 * 1024;

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
        (long Size, string Sha256) file;
        try
        {
            file = await StoreAsync(path, content, cancellationToken);
        }
        catch (WorkListFormatException ex)
        {
            return new IntakeResult(0, true, ex.Message);
        }

        var upload = new WorkListUpload
        {
            ResponseId = response.Id,
            CompanyId = response.CompanyId,
            FileName = SafeDisplayName(fileName),
            StoredName = storedName,
            SizeBytes = file.Size,
            Sha256 = file.Sha256,
            UploadedByUserId = principal.UserId,
            UploadedAt = clock.GetUtcNow(),
            Status = UploadStatus.Received,
        };
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.WorkListUploads.Add(upload);
            await audit.RecordAsync(db, AuditActions.UploadReceived, upload, upload.CompanyId, after: new { upload.ResponseId, upload.FileName, upload.SizeBytes, upload.Sha256 });
            await db.SaveChangesAsync(cancellationToken);
            await JobQueue.EnqueueAsync(db, JobKind.WorkListValidation, upload.Id, upload.CompanyId, upload.UploadedAt, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            DeleteStored(path); // not recorded, so not kept either
            throw;
        }

        logger.LogInformation("Work list {UploadId} received for company {CompanyId}: {Bytes} bytes, SHA-256 {Sha256}; validation queued", upload.Id, upload.CompanyId, file.Size, upload.Sha256);
        return new IntakeResult(upload.Id, false, null);
    }

    private static async Task<(long Size, string Sha256)> StoreAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > MaxBytes)
                {
                    throw new WorkListFormatException($"The file is larger than {MaxBytes / 1024 / 1024} MB.");
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch
        {
            // An interrupted or refused transfer leaves nothing half-registered.
            File.Delete(path);
            throw;
        }

        File.SetAttributes(path, FileAttributes.ReadOnly); // kept as received: its hash is on record
        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static void DeleteStored(string path)
    {
        if (File.Exists(path))
        {
            File.SetAttributes(path, FileAttributes.Normal);
            File.Delete(path);
        }
    }

    /// <summary>The user's file name without any folder part or control characters, for display only.</summary>
    internal static string SafeDisplayName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return string.IsNullOrEmpty(name) ? "upload" : name.Length <= 200 ? name : name[..200];
    }
}
