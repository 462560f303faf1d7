using System.Net.Mail;

namespace DisclosurePortal.Core.Answers;

public enum QuestionnaireSection
{
    Company,
    Systems,
    Use,
    Datasets,
    TrainingSummary,
}

/// <summary>What is missing or wrong in one field, in words for the person filling it in.</summary>
public sealed record AnswerProblem(QuestionnaireSection Section, string Field, string Message);

/// <summary>The rules an answer must meet before it can be signed; checked as the user types and again on submission.</summary>
public static class QuestionnaireCheck
{
    public const int ShortTextLength = 300;
    public const int LongTextLength = 4000;
    public const int MaxSystems = 50;
    public const int MaxDatasets = 200;

    /// <summary>The sections a submission needs complete; the training-content summary is optional.</summary>
    public static readonly IReadOnlyList<QuestionnaireSection> RequiredSections =
        [QuestionnaireSection.Company, QuestionnaireSection.Systems, QuestionnaireSection.Use, QuestionnaireSection.Datasets];

    public static IReadOnlyList<AnswerProblem> Problems(QuestionnaireAnswers answers)
    {
        var problems = new List<AnswerProblem>();
        CheckCompany(answers.Company, problems);
        CheckSystems(answers.Systems, problems);
        CheckUse(answers.Use, problems);
        CheckDatasets(answers.Datasets, answers.Use.Answer, problems);
        return problems;
    }

    public static bool IsComplete(QuestionnaireAnswers answers, QuestionnaireSection section) =>
        Problems(answers).All(p => p.Section != section);

    /// <summary>Datasets must be named when the company used the content or cannot say; after a "no" they are optional.</summary>
    public static bool DatasetsRequired(ContentUseAnswer answer) => answer is ContentUseAnswer.Yes or ContentUseAnswer.DontKnow;

    private static void CheckCompany(CompanyFacts company, List<AnswerProblem> problems)
    {
        const QuestionnaireSection s = QuestionnaireSection.Company;
        Required(s, "Company.LegalEntity", company.LegalEntity, "Give the company's legal name.", problems);
        Length(s, "Company.RegisteredAddress", company.RegisteredAddress, LongTextLength, problems);
        Length(s, "Company.Country", company.Country, ShortTextLength, problems);
        Required(s, "Company.ContactName", company.ContactName, "Name the person the label can contact about this answer.", problems);
        if (Required(s, "Company.ContactEmail", company.ContactEmail, "Give the contact's e-mail address.", problems)
            && !IsEmail(company.ContactEmail!))
        {
            problems.Add(new(s, "Company.ContactEmail", "This is not an e-mail address."));
        }

        Required(s, "Company.SignatoryName", company.SignatoryName, "Name the person who will sign the answer.", problems);
        Required(s, "Company.SignatoryTitle", company.SignatoryTitle, "Give the signatory's title or role.", problems);
    }

    private static void CheckSystems(List<AiSystemAnswer> systems, List<AnswerProblem> problems)
    {
        const QuestionnaireSection s = QuestionnaireSection.Systems;
        if (systems.Count == 0)
        {
            problems.Add(new(s, "Systems", "Name at least one AI system or model this answer concerns."));
        }
        else if (systems.Count > MaxSystems)
        {
            problems.Add(new(s, "Systems", $"List at most {MaxSystems} systems; group related models under one entry."));
        }

        for (var i = 0; i < systems.Count; i++)
        {
            Required(s, $"Systems[{i}].Name", systems[i].Name, "Give the system's or model's name.", problems);
            Length(s, $"Systems[{i}].Version", systems[i].Version, ShortTextLength, problems);
            Length(s, $"Systems[{i}].Description", systems[i].Description, LongTextLength, problems);
        }
    }

    private static void CheckUse(ContentUse use, List<AnswerProblem> problems)
    {
        const QuestionnaireSection s = QuestionnaireSection.Use;
        switch (use.Answer)
        {
            case ContentUseAnswer.Unanswered:
                problems.Add(new(s, "Use.Answer", "Answer yes, no or don't know. A \"no\" is a signed undertaking."));
                break;
            case ContentUseAnswer.Yes:
                if (!(use.TextAndDataMining || use.Training || use.Development || use.Commercialisation))
                {
                    problems.Add(new(s, "Use.Purposes", "Tick each way the content was used."));
                }

                Required(s, "Use.Explanation", use.Explanation, "Describe how the content was used.", problems, LongTextLength);
                break;
            case ContentUseAnswer.DontKnow:
                Required(s, "Use.Explanation", use.Explanation, "Explain why you cannot tell, and what you are doing to find out.", problems, LongTextLength);
                break;
            default:
                Length(s, "Use.Explanation", use.Explanation, LongTextLength, problems);
                break;
        }
    }

    private static void CheckDatasets(List<DatasetAnswer> datasets, ContentUseAnswer answer, List<AnswerProblem> problems)
    {
        const QuestionnaireSection s = QuestionnaireSection.Datasets;
        if (answer == ContentUseAnswer.Unanswered)
        {
            // What this section needs depends on the central answer, so it cannot be complete before it.
            problems.Add(new(s, "Datasets", "Answer the question on the use of the label's content first: it decides what this section needs."));
        }
        else if (datasets.Count == 0 && DatasetsRequired(answer))
        {
            problems.Add(new(s, "Datasets", "Name the datasets and sources the content came from."));
        }
        else if (datasets.Count > MaxDatasets)
        {
            problems.Add(new(s, "Datasets", $"List at most {MaxDatasets} datasets."));
        }

        for (var i = 0; i < datasets.Count; i++)
        {
            var d = datasets[i];
            var prefix = $"Datasets[{i}]";
            Required(s, $"{prefix}.Name", d.Name, "Give the dataset's name.", problems);
            if (string.IsNullOrWhiteSpace(d.Licensor) && string.IsNullOrWhiteSpace(d.Crawler))
            {
                problems.Add(new(s, $"{prefix}.Source", "Say who licensed it or which crawler collected it."));
            }

            Length(s, $"{prefix}.Licensor", d.Licensor, ShortTextLength, problems);
            Length(s, $"{prefix}.Crawler", d.Crawler, ShortTextLength, problems);
            Length(s, $"{prefix}.Notes", d.Notes, LongTextLength, problems);
            if (d.CollectedFrom is { } from && d.CollectedTo is { } to && to < from)
            {
                problems.Add(new(s, $"{prefix}.CollectedTo", "The collection cannot end before it began."));
            }

            if (d.OptOuts == OptOutAnswer.Unanswered)
            {
                problems.Add(new(s, $"{prefix}.OptOuts", "Say whether machine-readable opt-outs were honoured."));
            }
        }
    }

    /// <summary>Present and not too long; false when a problem was added.</summary>
    private static bool Required(QuestionnaireSection section, string field, string? value, string message, List<AnswerProblem> problems, int max = ShortTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(section, field, message));
            return false;
        }

        return Length(section, field, value, max, problems);
    }

    private static bool Length(QuestionnaireSection section, string field, string? value, int max, List<AnswerProblem> problems)
    {
        if (value is not null && value.Trim().Length > max)
        {
            problems.Add(new(section, field, $"Keep this under {max:N0} characters."));
            return false;
        }

        return true;
    }

    private static bool IsEmail(string text) =>
        MailAddress.TryCreate(text.Trim(), out var address) && address.Address == text.Trim() && address.Host.Contains('.', StringComparison.Ordinal);
}
