using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Web.Features.Audit;
using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Catalog;

/// <summary>An uploaded catalog file waiting to be imported, stored under a name the portal chose.</summary>
public sealed record StagedCatalogFile(Guid Id, string FileName, string Path, long Length);

/// <summary>
/// The admin's side of catalog imports: receive a file to storage, show what it holds, start its import in
/// the background and follow it, list past imports. Every call checks that the user is an admin.
/// </summary>
public sealed class CatalogImportService(
    PortalSession session, CatalogImportJobs jobs, IOptions<StorageOptions> storage, IDbContextFactory<PortalDbContext> dbFactory)
{
    public const long MaxBytes = 2L * 1024 * 1024 * 1024;
    private const int ChunkBytes = 1024 * 1024;

    /// <summary>Streams an upload to storage; a file over the limit or cut short leaves nothing behind.</summary>
    public async Task<StagedCatalogFile> StageAsync(string fileName, Stream content, Action<long>? received = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await session.RequireAdminAsync();
        Directory.CreateDirectory(storage.Value.CatalogImportsDirectory);
        var id = Guid.NewGuid();
        var path = System.IO.Path.Combine(storage.Value.CatalogImportsDirectory, $"{id:N}.upload");
        try
        {
            long length = 0;
            await using (var target = File.Create(path))
            {
                var buffer = new byte[ChunkBytes];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > MaxBytes)
                    {
                        throw new CatalogFileException($"The file is larger than {MaxBytes / 1024 / 1024 / 1024} GB. Split it by kind or by range of identifiers and import the parts.");
                    }

                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    received?.Invoke(length);
                }
            }

            File.SetAttributes(path, FileAttributes.ReadOnly); // kept as received: it is what the import's hash refers to
            return new StagedCatalogFile(id, System.IO.Path.GetFileName(fileName), path, length);
        }
        catch
        {
            DeletePartial(path);
            throw;
        }
    }

    public async Task<CatalogFileInspection> InspectAsync(StagedCatalogFile file, CatalogKind kind)
    {
        ArgumentNullException.ThrowIfNull(file);
        await session.RequireAdminAsync();
        await using var stream = File.OpenRead(file.Path);
        return CatalogFileReader.Inspect(stream, kind);
    }

    public async Task<CatalogImportRun> StartAsync(StagedCatalogFile file, CatalogKind kind, IReadOnlyDictionary<CatalogField, string> columns, bool complete)
    {
        var admin = await session.RequireAdminAsync();
        return jobs.Enqueue(file, kind, columns, complete, new AuditActor(admin.UserId, admin.DisplayName));
    }

    public async Task<CatalogImportRun?> FindAsync(Guid runId)
    {
        await session.RequireAdminAsync();
        return jobs.Find(runId);
    }

    public async Task<IReadOnlyList<CatalogVersion>> HistoryAsync(int count = 20)
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.CatalogVersions.AsNoTracking().OrderByDescending(v => v.Id).Take(count).ToListAsync();
    }

    private static void DeletePartial(string path)
    {
        if (File.Exists(path))
        {
            File.SetAttributes(path, FileAttributes.Normal);
            File.Delete(path);
        }
    }
}
