using DisclosurePortal.Core.Answers;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Account;
using DisclosurePortal.IntegrationTests.Email;
using DisclosurePortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.IntegrationTests.Tenancy;

/// <summary>What one company has in the portal, by id and by the words that would give it away in a page.</summary>
public sealed record TenantRecords(
    int CompanyId, int ResponseId, int UploadId, int InvitationId, int VersionId, int AttachmentId, AccountTestUser Respondent, IReadOnlyList<string> Markers);

/// <summary>
/// The real portal with two companies answering one request, each with a lead respondent, an upload with a rejected
/// row, an open invitation, a submitted version and an attached summary; the log is captured so refused attempts can be seen.
/// </summary>
public sealed class TenancyPortal : AccountPortalFactory
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private (TenantRecords A, TenantRecords B, int RequestId)? seeded;

    public CapturedLog Log { get; } = new();

    public async Task<(TenantRecords A, TenantRecords B, int RequestId)> SeedAsync()
    {
        await gate.WaitAsync();
        try
        {
            return seeded ??= await CreateAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reminders:Enabled", "false");
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Log));
    }

    private async Task<(TenantRecords A, TenantRecords B, int RequestId)> CreateAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyScope>().ForStaff();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var companies = await TestData.CreateTwoCompaniesAsync(db);
        var a = await RecordsAsync(db, companies.ResponseA, "alpha");
        var b = await RecordsAsync(db, companies.ResponseB, "beta");
        return (a, b, companies.Request.Id);
    }

    private async Task<TenantRecords> RecordsAsync(PortalDbContext db, DisclosureResponse response, string label)
    {
        var token = TestData.Token();
        var contact = $"contact-{token}@{label}.example";
        db.CompanyContacts.Add(new CompanyContact { CompanyId = response.CompanyId, Email = contact, Name = $"Contact {token}", CreatedAt = TestData.Now });
        var upload = TestData.Upload(response);
        upload.FileName = $"{label}-{token}.csv";
        upload.RowsRejected = 1;
        db.WorkListUploads.Add(upload);
        var invitation = new Invitation { CompanyId = response.CompanyId, Email = $"invited-{token}@{label}.example", TokenHash = new string('a', 56) + token[..8], CreatedAt = TestData.Now, ExpiresAt = TestData.Now.AddYears(10) };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        db.WorkListEntries.Add(new WorkListEntry { UploadId = upload.Id, CompanyId = response.CompanyId, LineNumber = 7, RejectionReason = $"no title (rejected in {token})" });
        var version = new ResponseVersion
        {
            ResponseId = response.Id, CompanyId = response.CompanyId, Number = 1, SubmittedAt = TestData.Now, SubmittedByUserId = "seed", DueAt = TestData.Now.AddDays(10),
            AnswersJson = AnswerDocument.Write(new QuestionnaireAnswers()), SignatoryName = $"Signer {token}", SignatoryTitle = "Counsel", AttestationText = "Signed.", Digest = token,
        };
        db.ResponseVersions.Add(version);
        var attachment = new ResponseAttachment
        {
            ResponseId = response.Id, CompanyId = response.CompanyId, FileName = $"summary-{token}.txt", StoredName = $"{token}.attachment", SizeBytes = 1, Sha256 = token, UploadedByUserId = "seed", UploadedAt = TestData.Now,
        };
        db.ResponseAttachments.Add(attachment);
        await db.SaveChangesAsync();
        var storage = Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var attachmentPath = Path.Combine(storage.DataDirectory, "attachments", response.CompanyId.ToString(System.Globalization.CultureInfo.InvariantCulture), attachment.StoredName);
        Directory.CreateDirectory(Path.GetDirectoryName(attachmentPath)!);
        await File.WriteAllTextAsync(attachmentPath, $"Training-content summary of {token}");

        var respondent = await CreateUserAsync(PortalRoles.Respondent, $"{label}-lead");
        await WithUsersAsync(async users =>
        {
            var user = (await users.FindByIdAsync(respondent.Id))!;
            (user.CompanyId, user.IsLeadRespondent) = (response.CompanyId, true);
            return await users.UpdateAsync(user);
        });

        var company = await db.Companies.Where(c => c.Id == response.CompanyId).Select(c => c.Name).SingleAsync();
        return new TenantRecords(response.CompanyId, response.Id, upload.Id, invitation.Id, version.Id, attachment.Id, respondent,
            [company, upload.FileName, contact, invitation.Email, respondent.Email, token]);
    }
}
