using System.Security.Cryptography;
using DisclosurePortal.Core.WorkLists;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using DisclosurePortal.Web.Features.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Responses;

/// <summary>What became of an uploaded file, in the terms the respondent sees.</summary>
public sealed record IntakeResult(int UploadId, bool Refused, string? Message, int RowsAccepted, int RowsRejected, int RowsMatched);

/// <summary>
/// Receives a work list: streams it to storage while taking its SHA-256, records the file before
/// reading it, then stores every row (accepted or rejected with its reason) and reconciles the accepted ones.
/// </summary>
public sealed class WorkListIntake(
    IDbContextFactory<PortalDbContext> dbFactory,
    PortalSession session,
    RecordingReconciliation reconciliation,
    IOptions<StorageOptions> storage,
    TimeProvider clock,
    ILogger<WorkListIntake> logger)
{
    public const long MaxBytes = 200L * 1024 * 1024;
    private const int BatchSize = 2000;

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

        WorkListUpload upload;
        try
        {
            upload = await StoreAsync(db, response, principal.UserId, fileName, content, cancellationToken);
        }
        catch (WorkListFormatException ex)
        {
            return new IntakeResult(0, true, ex.Message, 0, 0, 0);
        }

        try
        {
            await ReadRowsAsync(db, upload, cancellationToken);
        }
        catch (WorkListFormatException ex)
        {
            await RefuseAsync(db, upload, ex.Message, cancellationToken);
            return new IntakeResult(upload.Id, true, ex.Message, 0, 0, 0);
        }

        upload.RowsMatched = await reconciliation.ReconcileUploadAsync(upload.Id, cancellationToken);
        upload.Status = UploadStatus.Processed;
        if (response.Status == ResponseStatus.NotOpened)
        {
            response.Status = ResponseStatus.InProgress;
        }

        response.LastActivityAt = clock.GetUtcNow();
        db.ChangeTracker.Clear();
        db.WorkListUploads.Update(upload);
        db.Responses.Update(response);
        await db.SaveChangesAsync(cancellationToken);
        return new IntakeResult(upload.Id, false, null, upload.RowsAccepted, upload.RowsRejected, upload.RowsMatched);
    }

    private async Task<WorkListUpload> StoreAsync(PortalDbContext db, DisclosureResponse response, string userId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var storedName = $"{Guid.NewGuid():N}.upload";
        var path = StoredPath(response.CompanyId, storedName);
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

        File.SetAttributes(path, FileAttributes.ReadOnly);
        var upload = new WorkListUpload
        {
            ResponseId = response.Id,
            CompanyId = response.CompanyId,
            FileName = SafeDisplayName(fileName),
            StoredName = storedName,
            SizeBytes = size,
            Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()),
            UploadedByUserId = userId,
            UploadedAt = clock.GetUtcNow(),
            Status = UploadStatus.Received,
        };
        db.WorkListUploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Work list {UploadId} received for company {CompanyId}: {Bytes} bytes, SHA-256 {Sha256}", upload.Id, upload.CompanyId, size, upload.Sha256);
        return upload;
    }

    private async Task ReadRowsAsync(PortalDbContext db, WorkListUpload upload, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var file = File.OpenRead(PathOf(upload));
        var batch = new List<WorkListEntry>(BatchSize);
        foreach (var row in WorkListReader.Read(file))
        {
            batch.Add(new WorkListEntry
            {
                UploadId = upload.Id,
                CompanyId = upload.CompanyId,
                LineNumber = row.LineNumber,
                Title = row.Title,
                Artist = row.Artist,
                Isrc = row.Isrc?.Value ?? Truncate(row.IsrcText, 100),
                RejectionReason = row.Rejection,
                Warning = row.Warning,
            }.Stamp());
            if (row.IsAccepted)
            {
                upload.RowsAccepted++;
            }
            else
            {
                upload.RowsRejected++;
            }

            if (batch.Count == BatchSize)
            {
                await FlushAsync(db, batch, cancellationToken);
            }
        }

        await FlushAsync(db, batch, cancellationToken);
        db.WorkListUploads.Update(upload);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task FlushAsync(PortalDbContext db, List<WorkListEntry> batch, CancellationToken cancellationToken)
    {
        db.WorkListEntries.AddRange(batch);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        batch.Clear();
    }

    private static async Task RefuseAsync(PortalDbContext db, WorkListUpload upload, string reason, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        upload.Status = UploadStatus.Refused;
        upload.RefusalReason = reason;
        upload.RowsAccepted = 0;
        upload.RowsRejected = 0;
        db.WorkListUploads.Update(upload);
        await db.SaveChangesAsync(cancellationToken);
    }

    private string PathOf(WorkListUpload upload) => StoredPath(upload.CompanyId, upload.StoredName);

    // Each company's files in a folder of its own, named by id, never by the user's file name.
    private string StoredPath(int companyId, string storedName) =>
        Path.Combine(storage.Value.UploadsDirectory, companyId.ToString(System.Globalization.CultureInfo.InvariantCulture), storedName);

    /// <summary>The user's file name without any folder part or control characters, for display only.</summary>
    internal static string SafeDisplayName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return string.IsNullOrEmpty(name) ? "upload" : Truncate(name, 200)!;
    }

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
