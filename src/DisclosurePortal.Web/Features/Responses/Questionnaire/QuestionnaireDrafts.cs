using DisclosurePortal.Core.Answers;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Responses.Questionnaire;

/// <summary>The questionnaire as a company left it, with the response it belongs to.</summary>
public sealed record QuestionnaireDraft(ResponseHeader Response, QuestionnaireAnswers Answers, DateTimeOffset? SavedAt);

/// <summary>What became of a save.</summary>
public sealed record DraftSaveResult(bool Saved, DateTimeOffset? SavedAt, string? Problem);

/// <summary>
/// Keeps the company's questionnaire draft: one JSON document on the response, written on every autosave. The
/// draft is only ever the company's working copy; submitting freezes a copy of it as a version.
/// </summary>
public sealed class QuestionnaireDrafts(
    IDbContextFactory<PortalDbContext> dbFactory,
    PortalSession session,
    ResponseLookup lookup,
    TimeProvider clock,
    ILogger<QuestionnaireDrafts> logger)
{
    /// <summary>Larger drafts are refused: the questionnaire's own limits keep a real one far below this.</summary>
    public const int MaxDraftCharacters = 1_000_000;

    public async Task<QuestionnaireDraft?> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (await lookup.CurrentAsync(cancellationToken) is not { } header)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Responses.AsNoTracking()
            .Where(r => r.Id == header.ResponseId)
            .Select(r => new { r.DraftAnswersJson, r.DraftSavedAt, r.Company!.Name, r.Company.LegalEntity, r.Company.Country, ContactName = r.Company.Contacts.OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefault(), ContactEmail = r.Company.Contacts.OrderBy(c => c.Id).Select(c => c.Email).FirstOrDefault() })
            .SingleAsync(cancellationToken);
        var answers = stored.DraftAnswersJson is null
            // A first visit starts from what the label already knows about the company.
            ? new QuestionnaireAnswers { Company = new CompanyFacts { LegalEntity = stored.LegalEntity ?? stored.Name, Country = stored.Country, ContactName = stored.ContactName, ContactEmail = stored.ContactEmail } }
            : AnswerDocument.Read(stored.DraftAnswersJson);
        return new QuestionnaireDraft(header, answers, stored.DraftSavedAt);
    }

    public async Task<DraftSaveResult> SaveAsync(int responseId, QuestionnaireAnswers answers, CancellationToken cancellationToken = default)
    {
        var principal = await session.GetAsync();
        var companyId = await session.RequireCompanyAsync();
        var json = AnswerDocument.Write(answers);
        if (json.Length > MaxDraftCharacters)
        {
            return new DraftSaveResult(false, null, "The answers are too long to save; shorten the longest texts.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var response = await db.Responses.Include(r => r.Request).SingleOrDefaultAsync(r => r.Id == responseId && r.CompanyId == companyId, cancellationToken);
        if (response is null || response.Request!.State == RequestState.Draft)
        {
            lookup.NotFound(principal, "response", responseId);
            return new DraftSaveResult(false, null, "This response does not exist.");
        }

        if (response.Request.State == RequestState.Closed)
        {
            return new DraftSaveResult(false, response.DraftSavedAt, "The request is closed: answers can no longer change.");
        }

        var now = clock.GetUtcNow();
        if (response.DraftAnswersJson != json)
        {
            response.DraftAnswersJson = json;
            response.DraftSavedAt = now;
            response.LastActivityAt = now;
            if (response.Status == ResponseStatus.NotOpened)
            {
                response.Status = ResponseStatus.InProgress;
            }

            await db.SaveChangesAsync(cancellationToken);
            logger.LogDebug("Draft of response {ResponseId} saved", responseId);
        }

        return new DraftSaveResult(true, response.DraftSavedAt ?? now, null);
    }
}
