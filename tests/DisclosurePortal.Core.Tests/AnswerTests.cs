using DisclosurePortal.Core.Answers;

namespace DisclosurePortal.Core.Tests;

/// <summary>The questionnaire's rules, its JSON form, and comparing two sets of answers field by field.</summary>
public class AnswerTests
{
    internal static QuestionnaireAnswers Complete(ContentUseAnswer use = ContentUseAnswer.Yes) => new()
    {
        Company = new CompanyFacts
        {
            LegalEntity = "Northwind AI Ltd",
            ContactName = "Ada Lovelace",
            ContactEmail = "ada@northwind.example",
            SignatoryName = "Grace Hopper",
            SignatoryTitle = "General Counsel",
        },
        Systems = [new AiSystemAnswer { Name = "Aria", Version = "2.1" }],
        Use = new ContentUse { Answer = use, Training = use == ContentUseAnswer.Yes, Explanation = use == ContentUseAnswer.No ? null : "Pre-training on a licensed corpus." },
        Datasets = use == ContentUseAnswer.No ? [] :
        [
            new DatasetAnswer { Name = "SongCorpus", Licensor = "Corpus Ltd", CollectedFrom = new(2023, 1, 1), CollectedTo = new(2024, 6, 30), OptOuts = OptOutAnswer.Partly },
        ],
    };

    [Theory]
    [InlineData(ContentUseAnswer.Yes)]
    [InlineData(ContentUseAnswer.No)]
    [InlineData(ContentUseAnswer.DontKnow)]
    public void A_complete_answer_has_no_problems_and_every_required_section_is_complete(ContentUseAnswer use)
    {
        var answers = Complete(use);

        Assert.Empty(QuestionnaireCheck.Problems(answers));
        Assert.All(QuestionnaireCheck.RequiredSections, s => Assert.True(QuestionnaireCheck.IsComplete(answers, s)));
    }

    [Fact]
    public void An_empty_questionnaire_names_each_missing_field_in_its_section()
    {
        var problems = QuestionnaireCheck.Problems(new QuestionnaireAnswers());
        var fields = problems.Select(p => p.Field).ToList();

        Assert.Contains("Company.LegalEntity", fields);
        Assert.Contains("Company.ContactEmail", fields);
        Assert.Contains("Company.SignatoryName", fields);
        Assert.Contains("Systems", fields);
        Assert.Contains("Use.Answer", fields);
        // What the datasets section needs depends on the central answer.
        Assert.Equal("Answer the question on the use of the label's content first: it decides what this section needs.", problems.Single(p => p.Field == "Datasets").Message);
        Assert.All(problems.Where(p => p.Field.StartsWith("Company.", StringComparison.Ordinal)), p => Assert.Equal(QuestionnaireSection.Company, p.Section));
        Assert.False(QuestionnaireCheck.IsComplete(new QuestionnaireAnswers(), QuestionnaireSection.Use));
        Assert.False(QuestionnaireCheck.IsComplete(new QuestionnaireAnswers(), QuestionnaireSection.Datasets));
        Assert.True(QuestionnaireCheck.IsComplete(new QuestionnaireAnswers { Use = new ContentUse { Answer = ContentUseAnswer.No } }, QuestionnaireSection.Datasets));
    }

    [Fact]
    public void A_yes_needs_a_purpose_an_explanation_and_datasets_with_a_source_a_sane_period_and_an_opt_out_answer()
    {
        var answers = Complete();
        answers.Use.Training = false;
        answers.Use.Explanation = " ";
        answers.Datasets[0] = new DatasetAnswer { Name = "Crawl", CollectedFrom = new(2024, 6, 1), CollectedTo = new(2024, 1, 1) };

        var byField = QuestionnaireCheck.Problems(answers).ToDictionary(p => p.Field, p => p.Message);

        Assert.Equal("Tick each way the content was used.", byField["Use.Purposes"]);
        Assert.Equal("Describe how the content was used.", byField["Use.Explanation"]);
        Assert.Equal("Say who licensed it or which crawler collected it.", byField["Datasets[0].Source"]);
        Assert.Equal("The collection cannot end before it began.", byField["Datasets[0].CollectedTo"]);
        Assert.Equal("Say whether machine-readable opt-outs were honoured.", byField["Datasets[0].OptOuts"]);
        answers.Datasets.Clear();
        Assert.Contains(QuestionnaireCheck.Problems(answers), p => p.Field == "Datasets");
    }

    [Fact]
    public void Bad_contact_addresses_and_overlong_texts_are_refused_by_field()
    {
        var answers = Complete();
        answers.Company.ContactEmail = "ada at northwind";
        answers.Use.Explanation = new string('x', QuestionnaireCheck.LongTextLength + 1);
        answers.Systems[0].Name = new string('y', QuestionnaireCheck.ShortTextLength + 1);

        var byField = QuestionnaireCheck.Problems(answers).ToDictionary(p => p.Field, p => p.Message);

        Assert.Equal("This is not an e-mail address.", byField["Company.ContactEmail"]);
        Assert.Equal("Keep this under 4,000 characters.", byField["Use.Explanation"]);
        Assert.Equal("Keep this under 300 characters.", byField["Systems[0].Name"]);
    }

    [Fact]
    public void Answers_survive_their_json_form_unchanged_and_the_same_answers_give_the_same_text()
    {
        var answers = Complete();
        answers.TrainingSummary = new AttachedDocument { AttachmentId = 7, FileName = "summary.pdf", SizeBytes = 1234, Sha256 = new string('a', 64) };

        var json = AnswerDocument.Write(answers);
        var back = AnswerDocument.Read(json);

        Assert.Equal(json, AnswerDocument.Write(back));
        Assert.Contains("\"answer\":\"Yes\"", json, StringComparison.Ordinal);
        Assert.Contains("\"collectedFrom\":\"2023-01-01\"", json, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2024, 6, 30), back.Datasets[0].CollectedTo);
        Assert.Equal("summary.pdf", back.TrainingSummary!.FileName);
        Assert.Equal(AnswerDocument.Sha256(json), AnswerDocument.Sha256(AnswerDocument.Write(AnswerDocument.Copy(answers))));
        Assert.Empty(AnswerLines.Changes(answers, back));
    }

    [Fact]
    public void Changes_list_each_changed_added_and_dropped_field_in_questionnaire_order()
    {
        var before = Complete();
        var after = AnswerDocument.Copy(before);
        after.Use.Answer = ContentUseAnswer.DontKnow;
        after.Company.ContactEmail = "legal@northwind.example";
        after.Systems.Add(new AiSystemAnswer { Name = "Aria Mini" });
        after.Datasets.Clear();

        var changes = AnswerLines.Changes(before, after);

        Assert.Equal(QuestionnaireSection.Company, changes[0].Section);
        var byLabel = changes.ToDictionary(c => c.Label);
        Assert.Equal(("ada@northwind.example", "legal@northwind.example"), (byLabel["Contact e-mail"].Before, byLabel["Contact e-mail"].After));
        Assert.Equal((null, "Aria Mini"), (byLabel["System 2: name"].Before, byLabel["System 2: name"].After));
        Assert.Equal(("Yes", "Don't know"), (byLabel["Used the label's content for TDM or AI training, development or commercialisation"].Before, byLabel["Used the label's content for TDM or AI training, development or commercialisation"].After));
        // A "yes" lists its purposes; after "don't know" the field is gone.
        Assert.Equal(("AI training", null), (byLabel["Used for"].Before, byLabel["Used for"].After));
        Assert.Equal(("SongCorpus", null), (byLabel["Dataset 1: name"].Before, byLabel["Dataset 1: name"].After));
        Assert.Equal(changes.Select(c => c.Section).Order(), changes.Select(c => c.Section));
        Assert.DoesNotContain(changes, c => c.Label == "Legal entity");
    }

    [Fact]
    public void A_no_is_signed_as_an_undertaking_and_only_the_named_signatory_can_sign()
    {
        var no = Complete(ContentUseAnswer.No);

        var statement = Attestation.Statement(no, "Grace Hopper", "General Counsel", "AI training disclosure 2024");

        Assert.StartsWith("I, Grace Hopper, General Counsel of Northwind AI Ltd, confirm", statement, StringComparison.Ordinal);
        Assert.Contains("\"AI training disclosure 2024\"", statement, StringComparison.Ordinal);
        Assert.Contains("undertakes that it has not used the label's content", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("undertakes", Attestation.Statement(Complete(), "Grace Hopper", "General Counsel", "x"), StringComparison.Ordinal);
        Assert.True(Attestation.IsSignatory(no, "  grace   HOPPER "));
        Assert.False(Attestation.IsSignatory(no, "Ada Lovelace"));
        Assert.False(Attestation.IsSignatory(no, " "));
    }
}
