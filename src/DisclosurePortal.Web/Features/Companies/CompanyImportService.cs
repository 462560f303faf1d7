using System.Globalization;
using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Web.Features.Audit;
using DisclosurePortal.Core.Companies;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Companies;

public enum CompanyImportOutcome
{
    /// <summary>A new company, with its contacts, linked to the request.</summary>
    Added,

    /// <summary>A company the portal already had (same name once case, accents and legal form are ignored), now linked to the request.</summary>
    Linked,
    Rejected,
}

/// <summary>What happened (or would happen) to one data row of the file.</summary>
public sealed record CompanyImportLine(int Line, string? Company, CompanyImportOutcome Outcome, string Detail);

/// <summary>
/// A company list read and checked against the portal: every data row with its outcome, so rows in = added +
/// linked + rejected. <see cref="Imported"/> says whether it was written or is a preview.
/// </summary>
public sealed record CompanyImportReport(Guid Id, int RequestId, string FileName, string Format, bool Imported, IReadOnlyList<CompanyImportLine> Lines)
{
    public int RowsIn => Lines.Count;

    public int Added => Lines.Count(l => l.Outcome == CompanyImportOutcome.Added);

    public int Linked => Lines.Count(l => l.Outcome == CompanyImportOutcome.Linked);

    public int Rejected => Lines.Count(l => l.Outcome == CompanyImportOutcome.Rejected);
}

/// <summary>A checked file waiting for the admin to confirm it: its rows stay in memory (a company list is small).</summary>
public sealed record CompanyImportDraft(int RequestId, string FileName, CompanyFileContents Contents, CompanyImportReport Preview);

/// <summary>
/// Imports the list of recipient companies into a request: the file is read (CSV/TSV/XLSX), each row checked
/// within the file and against the companies the portal has (same normalised name, same e-mail address), and
/// shown as a preview; confirming checks again and writes in batches in one transaction. A company the portal
/// already has is linked to the request rather than added twice. Each report is kept as CSV for download.
/// </summary>
public sealed class CompanyImportService(IDbContextFactory<PortalDbContext> dbFactory, PortalSession session, IOptions<StorageOptions> storage, TimeProvider clock, AuditTrail audit, ILogger<CompanyImportService> logger)
{
    public const long MaxBytes = 20L * 1024 * 1024;
    private const int BatchSize = 200;

    /// <summary>Reads and checks the file without writing anything; throws <see cref="CompanyFileException"/> for a file refused whole.</summary>
    public async Task<CompanyImportDraft> PreviewAsync(int requestId, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RequireOpenRequestAsync(db, requestId, cancellationToken);

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new CompanyFileException($"The file is larger than {MaxBytes / 1024 / 1024} MB, far more than a list of companies needs.");
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        var contents = CompanyFileReader.Read(buffer);
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var plan = await PlanAsync(db, requestId, contents.Rows, cancellationToken);
        var preview = await SaveReportAsync(new CompanyImportReport(Guid.NewGuid(), requestId, name, contents.Format, false, plan.Select(p => p.Line).ToList()));
        return new CompanyImportDraft(requestId, name, contents, preview);
    }

    /// <summary>Checks the draft's rows again (others may have changed the companies meanwhile) and writes them.</summary>
    public async Task<CompanyImportReport> ImportAsync(CompanyImportDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var admin = await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RequireOpenRequestAsync(db, draft.RequestId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await PlanAsync(db, draft.RequestId, draft.Contents.Rows, cancellationToken);
        var now = clock.GetUtcNow();
        try
        {
            foreach (var batch in plan.Where(p => p.Line.Outcome != CompanyImportOutcome.Rejected).Chunk(BatchSize))
            {
                foreach (var step in batch)
                {
                    var contacts = step.NewContacts.Select(c => new CompanyContact { Name = c.Name, Email = c.Email, CreatedAt = now }).ToList();
                    if (step.ExistingCompanyId is { } existing)
                    {
                        contacts.ForEach(c => c.CompanyId = existing);
                        db.CompanyContacts.AddRange(contacts);
                        db.Responses.Add(new DisclosureResponse { RequestId = draft.RequestId, CompanyId = existing });
                        continue;
                    }

                    var row = step.Row!;
                    var company = new Company { Name = row.Name, LegalEntity = row.LegalEntity, Country = row.Country, CreatedAt = now, Contacts = contacts };
                    db.Responses.Add(new DisclosureResponse { RequestId = draft.RequestId, Company = company });
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            await audit.RecordAsync(db, AuditActions.CompaniesImported, new AuditSubject(nameof(DisclosureRequest), draft.RequestId.ToString(CultureInfo.InvariantCulture)), null,
                after: new { draft.FileName, Rows = plan.Count, Outcomes = plan.GroupBy(p => p.Line.Outcome.ToString()).ToDictionary(g => g.Key, g => g.Count()) });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Only a change made at the same moment (another import, a company added by hand) gets past the checks above.
            logger.LogWarning(ex, "Company import into request {RequestId} collided with another change and was rolled back", draft.RequestId);
            throw new CompanyFileException("Someone changed the companies while this file was being imported, so nothing was imported. Import the file again.");
        }

        var report = await SaveReportAsync(new CompanyImportReport(Guid.NewGuid(), draft.RequestId, draft.FileName, draft.Contents.Format, true, plan.Select(p => p.Line).ToList()));
        logger.LogInformation("Company import {ImportId} into request {RequestId} by {UserId}: {Rows} rows, {Added} added, {Linked} linked, {Rejected} rejected",
            report.Id, draft.RequestId, admin.UserId, report.RowsIn, report.Added, report.Linked, report.Rejected);
        return report;
    }

    /// <summary>Where a report's CSV is kept (named by the report's random id, never by anything from the file).</summary>
    public string ReportPath(Guid id) => Path.Combine(storage.Value.CompanyImportsDirectory, $"{id:N}.csv");

    private sealed record PlannedRow(CompanyImportLine Line, CompanyRow? Row, int? ExistingCompanyId, IReadOnlyList<CompanyContactRow> NewContacts);

    private static async Task RequireOpenRequestAsync(PortalDbContext db, int requestId, CancellationToken cancellationToken)
    {
        var state = await db.Requests.Where(r => r.Id == requestId).Select(r => (RequestState?)r.State).SingleOrDefaultAsync(cancellationToken)
            ?? throw new KeyNotFoundException("Request not found.");
        if (state == RequestState.Closed)
        {
            throw new CompanyFileException("This request is closed: no companies can be added to it.");
        }
    }

    /// <summary>Each row's outcome against the companies and contacts the portal has now.</summary>
    private static async Task<List<PlannedRow>> PlanAsync(PortalDbContext db, int requestId, IReadOnlyList<CompanyFileRow> rows, CancellationToken cancellationToken)
    {
        var accepted = rows.Where(r => r.Accepted).Select(r => r.Company!).ToList();
        var companies = new Dictionary<string, (int Id, string Name, bool InRequest)>(StringComparer.Ordinal);
        foreach (var batch in accepted.Select(r => r.NameKey).Chunk(500))
        {
            var found = await db.Companies.AsNoTracking().Where(c => batch.Contains(c.NormalizedName!))
                .Select(c => new { c.Id, c.Name, Key = c.NormalizedName!, InRequest = db.Responses.Any(r => r.CompanyId == c.Id && r.RequestId == requestId) })
                .ToListAsync(cancellationToken);
            found.ForEach(c => companies[c.Key] = (c.Id, c.Name, c.InRequest));
        }

        var owners = new Dictionary<string, (int CompanyId, string Company)>(StringComparer.Ordinal);
        foreach (var batch in accepted.SelectMany(r => r.Contacts).Select(c => c.Email).Chunk(500))
        {
            var found = await db.CompanyContacts.AsNoTracking().Where(c => batch.Contains(c.Email))
                .Select(c => new { c.Email, c.CompanyId, c.Company!.Name }).ToListAsync(cancellationToken);
            found.ForEach(c => owners[c.Email] = (c.CompanyId, c.Name));
        }

        return rows.Select(row => Plan(row, companies, owners)).ToList();
    }

    private static PlannedRow Plan(CompanyFileRow row, Dictionary<string, (int Id, string Name, bool InRequest)> companies, Dictionary<string, (int CompanyId, string Company)> owners)
    {
        if (row.Company is not { } company)
        {
            return new PlannedRow(new CompanyImportLine(row.Line, row.Name, CompanyImportOutcome.Rejected, row.RejectionReason!), null, null, []);
        }

        PlannedRow Reject(string reason) => new(new CompanyImportLine(row.Line, company.Name, CompanyImportOutcome.Rejected, reason), company, null, []);
        int? existing = companies.TryGetValue(company.NameKey, out var match) ? match.Id : null;
        if (company.Contacts.FirstOrDefault(c => owners.TryGetValue(c.Email, out var owner) && owner.CompanyId != existing) is { } taken)
        {
            return Reject($"the e-mail address {taken.Email} is already a contact of '{owners[taken.Email].Company}'");
        }

        if (existing is null)
        {
            return new PlannedRow(new CompanyImportLine(row.Line, company.Name, CompanyImportOutcome.Added,
                $"new company with {Contacts(company.Contacts.Count)}"), company, null, company.Contacts);
        }

        if (match.InRequest)
        {
            return Reject($"already in this request as '{match.Name}'");
        }

        var added = company.Contacts.Where(c => !owners.ContainsKey(c.Email)).ToList();
        var detail = $"already in the portal as '{match.Name}': linked to this request" + (added.Count > 0 ? $", {Contacts(added.Count)} added" : string.Empty);
        return new PlannedRow(new CompanyImportLine(row.Line, company.Name, CompanyImportOutcome.Linked, detail), company, existing, added);
    }

    private static string Contacts(int count) => count == 1 ? "1 contact" : $"{count} contacts";

    /// <summary>The report kept as CSV (line, company, outcome, detail) for download.</summary>
    private async Task<CompanyImportReport> SaveReportAsync(CompanyImportReport report)
    {
        Directory.CreateDirectory(storage.Value.CompanyImportsDirectory);
        await using var file = File.Create(ReportPath(report.Id));
        await CsvTable.WriteAsync(file, ["line", "company", "outcome", "detail"],
            report.Lines.Select(l => (IReadOnlyList<object?>)[l.Line, l.Company, l.Outcome.ToString().ToLowerInvariant(), l.Detail]));
        return report;
    }
}
