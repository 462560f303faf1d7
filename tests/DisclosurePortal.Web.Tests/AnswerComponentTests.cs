using Bunit;
using DisclosurePortal.Core.Answers;
using DisclosurePortal.Web.Features.Responses.Questionnaire;
using DisclosurePortal.Web.Features.Responses.Submission;
using DisclosurePortal.Web.Features.Responses.Versions;
using MudBlazor.Services;

namespace DisclosurePortal.Web.Tests;

/// <summary>The answer pages' components: progress by section, field messages, answers read back, the choice of work lists.</summary>
public class AnswerComponentTests : BunitContext, IAsyncLifetime
{
    public AnswerComponentTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // Some MudBlazor services (the radio and checkbox key interceptors) can only be disposed asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private static QuestionnaireAnswers CompanyOnly() => new()
    {
        Company = new CompanyFacts { LegalEntity = "Northwind AI Ltd", ContactName = "Ada", ContactEmail = "ada@northwind.example", SignatoryName = "Grace Hopper", SignatoryTitle = "Counsel" },
        Use = new ContentUse { Answer = ContentUseAnswer.No },
    };

    [Fact]
    public void Progress_counts_the_required_sections_without_problems_and_marks_each()
    {
        // Company and use are answered, a "no" needs no datasets, and no system is named yet.
        var problems = QuestionnaireCheck.Problems(CompanyOnly());

        var cut = Render<SectionProgress>(p => p.Add(c => c.Problems, problems).Add(c => c.Active, QuestionnaireSection.Systems));

        Assert.Equal("3 of 4 sections complete", cut.Find("[data-testid=q-progress]").TextContent.Trim());
        Assert.Contains("to do", cut.Find("[data-testid=q-section-systems]").TextContent, StringComparison.Ordinal);
        Assert.Contains("complete", cut.Find("[data-testid=q-section-company]").TextContent, StringComparison.Ordinal);
        Assert.Contains("optional", cut.Find("[data-testid=q-section-trainingsummary]").TextContent, StringComparison.Ordinal);
        Assert.Contains("active", cut.Find("[data-testid=q-section-systems]").ClassList);
    }

    [Fact]
    public void A_section_shows_field_messages_only_once_asked_to()
    {
        var answers = CompanyOnly();
        answers.Company.ContactEmail = "not an address";
        var problems = QuestionnaireCheck.Problems(answers);

        var quiet = Render<CompanySection>(p => p.Add(c => c.Answers, answers).Add(c => c.Problems, problems).Add(c => c.ShowProblems, false));
        var shown = Render<CompanySection>(p => p.Add(c => c.Answers, answers).Add(c => c.Problems, problems).Add(c => c.ShowProblems, true));

        Assert.DoesNotContain("This is not an e-mail address.", quiet.Markup, StringComparison.Ordinal);
        Assert.Contains("This is not an e-mail address.", shown.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Give the company's legal name.", shown.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_no_shows_the_undertaking_it_will_be_signed_as()
    {
        var cut = Render<UseSection>(p => p.Add(c => c.Answers, CompanyOnly()));

        Assert.Contains("signs an undertaking", cut.Find("[data-testid=q-use-undertaking]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=q-use-explanation]"));
    }

    [Fact]
    public void Answers_are_read_back_by_section_with_a_dash_for_what_is_empty()
    {
        var cut = Render<AnswerSummary>(p => p.Add(c => c.Answers, CompanyOnly()));

        var company = cut.Find("[data-testid=answers-company]");
        Assert.Contains("Northwind AI Ltd", company.TextContent, StringComparison.Ordinal);
        Assert.Contains(AnswerLines.Empty, company.TextContent, StringComparison.Ordinal);
        Assert.Contains("No", cut.Find("[data-testid=answers-use]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Unticking_a_work_list_takes_it_out_of_the_version()
    {
        var chosen = new HashSet<int> { 1, 2 };
        var changed = 0;
        IReadOnlyList<SubmittableUpload> uploads =
        [
            new(1, "first.csv", 100, new string('a', 64), DateTimeOffset.UnixEpoch, 3, 1, true, true),
            new(2, "corrected.csv", 90, new string('b', 64), DateTimeOffset.UnixEpoch, 3, 0, false, true),
        ];
        var cut = Render<UploadChoice>(p => p.Add(c => c.Uploads, uploads).Add(c => c.Chosen, chosen).Add(c => c.ChosenChanged, () => changed++));

        cut.FindAll("input[type=checkbox]")[0].Change(false);

        Assert.Equal([2], chosen);
        Assert.Equal(1, changed);
        Assert.Contains("in the last version", cut.Markup, StringComparison.Ordinal);
    }
}
