using System.Security.Claims;
using System.Text;
using DisclosurePortal.Core.Answers;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Responses;
using DisclosurePortal.Web.Features.Responses.Questionnaire;
using DisclosurePortal.Web.Features.Responses.Submission;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Answers;

/// <summary>Two companies answering one request through the portal's own services, each with a signed-in respondent that has an e-mail address.</summary>
internal sealed class AnswerScenario(DatabaseFixture database, TwoCompanies companies, ClaimsPrincipal respondentA, ClaimsPrincipal respondentB, string emailA)
{
    public TwoCompanies Companies => companies;

    public ClaimsPrincipal RespondentA => respondentA;

    public ClaimsPrincipal RespondentB => respondentB;

    public string EmailA => emailA;

    public static async Task<AnswerScenario> CreateAsync(DatabaseFixture database, Action<DisclosureRequest>? request = null)
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        await using var db = database.CreateContext();
        var companies = await TestData.CreateTwoCompaniesAsync(db);
        if (request is not null)
        {
            request(companies.Request);
            await db.SaveChangesAsync();
        }

        var token = TestData.Token();
        var emailA = $"signer-{token}@northwind.test";
        db.Users.Add(new PortalUser { Id = $"a-{token}", UserName = emailA, Email = emailA, DisplayName = "Ada Respondent", CompanyId = companies.A.Id, CreatedAt = TestData.Now });
        db.Users.Add(new PortalUser { Id = $"b-{token}", UserName = $"b-{token}@x.test", Email = $"b-{token}@x.test", DisplayName = "Bo Respondent", CompanyId = companies.B.Id, CreatedAt = TestData.Now });
        await db.SaveChangesAsync();
        return new AnswerScenario(database, companies, TestUsers.Respondent(companies.A.Id, $"a-{token}"), TestUsers.Respondent(companies.B.Id, $"b-{token}"), emailA);
    }

    public async Task<T> AsAsync<T>(ClaimsPrincipal user, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = database.Services.SignedInScope(user);
        return await action(scope.ServiceProvider);
    }

    public Task<T> AsAAsync<T>(Func<IServiceProvider, Task<T>> action) => AsAsync(respondentA, action);

    public Task<DraftSaveResult> SaveDraftAsync(QuestionnaireAnswers answers) =>
        AsAAsync(sp => sp.GetRequiredService<QuestionnaireDrafts>().SaveAsync(companies.ResponseA.Id, answers));

    public Task<int> UploadAsync(string fileName, params string[] lines) => UploadWithHeaderAsync(fileName, "ISRC,Title,Artist", lines);

    /// <summary>Uploads a list with the given header, confirms the suggested columns and runs its jobs.</summary>
    public async Task<int> UploadWithHeaderAsync(string fileName, string header, params string[] lines)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', [header, .. lines]) + "\n");
        var result = await AsAAsync(sp => sp.GetRequiredService<WorkListIntake>().ReceiveAsync(companies.ResponseA.Id, fileName, new MemoryStream(bytes)));
        Assert.False(result.Refused, result.Message);
        Assert.Null(await AsAAsync(sp => sp.GetRequiredService<WorkListIntake>().ConfirmMappingAsync(result.UploadId)));
        await database.RunQueuedJobsAsync();
        return result.UploadId;
    }

    /// <summary>Reviews and signs as the page does: the reviewed answers' hash, the signatory's name and title, the chosen uploads.</summary>
    public async Task<SubmissionOutcome> SubmitAsync(IEnumerable<int> uploadIds, string? name = null, bool confirmed = true)
    {
        var review = await AsAAsync(sp => sp.GetRequiredService<ResponseSubmission>().ReviewAsync());
        Assert.NotNull(review);
        var form = new SubmissionForm
        {
            SignatoryName = name ?? review.Answers.Company.SignatoryName ?? string.Empty,
            SignatoryTitle = review.Answers.Company.SignatoryTitle ?? string.Empty,
            Confirmed = confirmed,
            UploadIds = uploadIds.ToHashSet(),
            ReviewedAnswersSha256 = review.AnswersSha256,
        };
        return await AsAAsync(sp => sp.GetRequiredService<ResponseSubmission>().SubmitAsync(companies.ResponseA.Id, form));
    }

    public PortalDbContext Db() => database.CreateContext();

    /// <summary>A questionnaire that passes every check.</summary>
    public static QuestionnaireAnswers CompleteAnswers(ContentUseAnswer use = ContentUseAnswer.Yes) => new()
    {
        Company = new CompanyFacts { LegalEntity = "Company A Ltd", ContactName = "Ada", ContactEmail = "ada@a.example", SignatoryName = "Grace Hopper", SignatoryTitle = "General Counsel" },
        Systems = [new AiSystemAnswer { Name = "Aria" }],
        Use = new ContentUse { Answer = use, Training = true, Explanation = use == ContentUseAnswer.No ? null : "Pre-training." },
        Datasets = use == ContentUseAnswer.No ? [] : [new DatasetAnswer { Name = "SongCorpus", Crawler = "AriaBot/1.0", OptOuts = OptOutAnswer.NotHonoured }],
    };
}
