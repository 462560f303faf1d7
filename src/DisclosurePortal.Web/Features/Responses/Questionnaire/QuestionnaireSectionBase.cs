using DisclosurePortal.Core.Answers;
using Microsoft.AspNetCore.Components;

namespace DisclosurePortal.Web.Features.Responses.Questionnaire;

/// <summary>What every questionnaire section gets: the answers to edit, the problems to show by field, and whom to tell of a change.</summary>
public abstract class QuestionnaireSectionBase : ComponentBase
{
    [Parameter, EditorRequired]
    public QuestionnaireAnswers Answers { get; set; } = new();

    [Parameter]
    public IReadOnlyList<AnswerProblem> Problems { get; set; } = [];

    /// <summary>Problems show once the user has left the section or asked to check it, not while they first type.</summary>
    [Parameter]
    public bool ShowProblems { get; set; }

    [Parameter]
    public bool ReadOnly { get; set; }

    [Parameter]
    public EventCallback Changed { get; set; }

    protected string? ErrorText(string field) =>
        ShowProblems ? Problems.FirstOrDefault(p => p.Field == field)?.Message : null;

    protected bool HasError(string field) => ErrorText(field) is not null;

    protected Task OnChanged() => Changed.InvokeAsync();

    protected static DateTime? AsDate(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);

    protected static DateOnly? AsDay(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}
