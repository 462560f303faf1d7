using DisclosurePortal.Core.Answers;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace DisclosurePortal.Web.Features.Responses.Questionnaire;

/// <summary>
/// The questionnaire, one section at a time. Every change marks the draft dirty and (re)starts a short timer; when
/// it fires, on leaving a section, and when the page closes, the draft is saved, so a reload loses nothing.
/// </summary>
public sealed partial class QuestionnairePage : IAsyncDisposable
{
    private readonly SemaphoreSlim saveGate = new(1, 1);
    private readonly HashSet<QuestionnaireSection> checkedSections = [];
    private QuestionnaireDraft? draft;
    private QuestionnaireAnswers answers = new();
    private IReadOnlyList<AnswerProblem> problems = [];
    private QuestionnaireSection active;
    private bool loading = true;
    private bool dirty;
    private bool saving;
    private DateTimeOffset? savedAt;
    private string? saveProblem;
    private ITimer? autosave;

    [Inject]
    private QuestionnaireDrafts Drafts { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IOptions<AnswerOptions> Options { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<QuestionnairePage> Logger { get; set; } = default!;

    private bool ReadOnly => draft?.Response.IsClosed != false;

    private bool ShowProblems => checkedSections.Contains(active);

    private string SaveText => saveProblem ?? (saving ? "Saving…" : dirty ? "Unsaved changes" : savedAt is { } at ? $"All changes saved · {at.UtcDateTime:HH:mm:ss} UTC" : "Nothing changed yet");

    private string SaveIcon => saveProblem is not null ? Icons.Material.Outlined.ErrorOutline : dirty || saving ? Icons.Material.Outlined.Sync : Icons.Material.Outlined.CloudDone;

    protected override async Task OnInitializedAsync()
    {
        draft = await Drafts.LoadAsync();
        if (draft is not null)
        {
            answers = draft.Answers;
            savedAt = draft.SavedAt;
            problems = QuestionnaireCheck.Problems(answers);
        }

        loading = false;
    }

    private Task ChangedAsync()
    {
        dirty = true;
        problems = QuestionnaireCheck.Problems(answers);
        autosave ??= Clock.CreateTimer(_ => _ = InvokeAsync(SaveAsync), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        autosave.Change(Options.Value.AutosaveDelay, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    private void CheckSection() => checkedSections.Add(active);

    private async Task GoToAsync(QuestionnaireSection section)
    {
        // Leaving a section shows what it still lacks, and saves at once.
        checkedSections.Add(active);
        active = section;
        await SaveAsync();
    }

    private async Task ReviewAsync()
    {
        checkedSections.UnionWith(Enum.GetValues<QuestionnaireSection>());
        await SaveAsync();
        if (saveProblem is null)
        {
            Navigation.NavigateTo("response/submit");
        }
    }

    private async Task SaveAsync()
    {
        await saveGate.WaitAsync();
        try
        {
            if (!dirty || draft is null || ReadOnly)
            {
                return;
            }

            (dirty, saving) = (false, true);
            StateHasChanged();
            var result = await Drafts.SaveAsync(draft.Response.ResponseId, answers);
            (saveProblem, savedAt) = (result.Problem, result.SavedAt ?? savedAt);
            dirty = dirty || !result.Saved;
        }
        catch (ObjectDisposedException)
        {
            // The circuit ended while saving; the next visit reads what was stored.
        }
        finally
        {
            saving = false;
            saveGate.Release();
        }

        StateHasChanged();
    }

    public async ValueTask DisposeAsync()
    {
        if (autosave is not null)
        {
            await autosave.DisposeAsync();
        }

        if (dirty)
        {
            try
            {
                await SaveAsync();
            }
            catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
            {
                Logger.LogWarning(ex, "The questionnaire draft could not be saved as the page closed");
            }
        }
    }
}
