using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace DisclosurePortal.Web.Features.Review.Queue;

public sealed partial class ReviewQueue
{
    private readonly HashSet<long> selected = [];
    private MudDataGrid<QueueItem>? grid;
    private QueueItemPanel? panel;
    private QueueFilter filter = new();
    private QueueChoices choices = new([], []);
    private IReadOnlyList<(string UserId, string Name)> holders = [];
    private IReadOnlyList<QueueItem> items = [];
    private QueueItem? current;
    private int total;
    private bool totalIsLowerBound;
    private int claimCount = 25;
    private DotNetObjectReference<ReviewQueue>? self;
    private IJSObjectReference? module;
    private IJSObjectReference? keyboard;

    [Inject]
    private ReviewQueueService Queue { get; set; } = default!;

    [Inject]
    private ReviewDecisionService Decisions { get; set; } = default!;

    [Inject]
    private PortalSession Session { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>Opens the queue on one company (from the board).</summary>
    [SupplyParameterFromQuery(Name = "company")]
    public int? CompanyId { get; set; }

    [SupplyParameterFromQuery(Name = "request")]
    public int? RequestId { get; set; }

    [SupplyParameterFromQuery(Name = "tab")]
    public string? Tab { get; set; }

    protected override async Task OnInitializedAsync()
    {
        filter = filter with { CompanyId = CompanyId, RequestId = RequestId, Tab = Enum.TryParse<QueueTab>(Tab, out var tab) ? tab : QueueTab.NeedsReview };
        choices = await Queue.GetChoicesAsync();
        holders = await Queue.GetHoldersAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            self = DotNetObjectReference.Create(this);
            module = await JS.InvokeAsync<IJSObjectReference>("import", "./assets/js/review-queue.js");
            keyboard = await module.InvokeAsync<IJSObjectReference>("listen", self, "input[data-testid=queue-search]");
        }
    }

    [JSInvokable]
    public async Task OnQueueKey(string key)
    {
        switch (key)
        {
            case "j":
                Move(1);
                break;
            case "k":
                Move(-1);
                break;
            case "c" when panel is not null:
                await panel.DecideAsync(DecisionState.Confirmed);
                break;
            case "r" when panel is not null:
                await panel.DecideAsync(DecisionState.Rejected);
                break;
        }

        StateHasChanged();
    }

    private void Move(int step)
    {
        if (items.Count == 0)
        {
            return;
        }

        var index = current is null ? -1 : items.ToList().FindIndex(i => i.Id == current.Id);
        current = items[Math.Clamp(index + step, 0, items.Count - 1)];
    }

    private async Task<GridData<QueueItem>> LoadAsync(GridState<QueueItem> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var by = sort?.SortBy switch
        {
            nameof(QueueItem.Score) => QueueSort.Score,
            nameof(QueueItem.Company) => QueueSort.Company,
            nameof(QueueItem.DecidedAt) => QueueSort.DecidedAt,
            _ => QueueSort.Strength,
        };
        var page = await Queue.GetPageAsync(filter, by, sort?.Descending ?? false, state.Page, state.PageSize, cancellationToken: cancellationToken);
        (items, total, totalIsLowerBound) = (page.Items, page.TotalCount, page.TotalIsLowerBound);
        if (current is not null && items.FirstOrDefault(i => i.Id == current.Id) is { } same)
        {
            current = same;
        }

        // The total and the panel sit outside the grid: they follow its page.
        _ = InvokeAsync(StateHasChanged);
        return new GridData<QueueItem> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private string RowClass(QueueItem item, int index) => item.Id == current?.Id ? "queue-current" : string.Empty;

    private void OnRowClick(DataGridRowClickEventArgs<QueueItem> args) => current = args.Item;

    private void Select(long id, bool on)
    {
        if (on)
        {
            selected.Add(id);
        }
        else
        {
            selected.Remove(id);
        }
    }

    private static string Holder(QueueItem item) => item switch
    {
        { DecidedBy: { } by, DecidedAt: { } at, State: not DecisionState.NeedsReview } => $"{by}, {at.UtcDateTime:d MMM HH:mm}",
        { ClaimedBy: { } holder } => $"held by {holder}",
        _ => string.Empty,
    };

    private async Task OnTabAsync(int index)
    {
        filter = filter with { Tab = (QueueTab)index };
        await ReloadAsync(clearCurrent: true);
    }

    private async Task OnFilterAsync(QueueFilter changed)
    {
        filter = changed with { Tab = filter.Tab };
        await ReloadAsync(clearCurrent: true);
    }

    private async Task ReloadAsync(bool clearCurrent = false)
    {
        selected.Clear();
        if (clearCurrent)
        {
            current = null;
        }

        holders = await Queue.GetHoldersAsync();
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }

    /// <summary>After a decision the item leaves its tab: the next one takes its place.</summary>
    private async Task OnDecidedAsync()
    {
        var index = current is null ? 0 : items.ToList().FindIndex(i => i.Id == current.Id);
        await ReloadAsync();
        current = items.Count == 0 ? null : items[Math.Clamp(index, 0, items.Count - 1)];
    }

    private async Task ClaimAsync()
    {
        var taken = await Decisions.ClaimNextAsync(filter, QueueSort.Strength, false, claimCount);
        Snackbar.Add(taken == 0 ? "Nothing left to claim under these filters." : $"You hold {taken:N0} items for {ReviewDecisionService.ClaimDuration.TotalMinutes:N0} minutes.", Severity.Info);
        var me = await Session.GetAsync();
        filter = filter with { Assignee = me.UserId };
        await ReloadAsync(clearCurrent: true);
    }

    private async Task ReleaseAsync()
    {
        var given = await Decisions.ReleaseMineAsync();
        Snackbar.Add($"Gave back {given:N0} items.", Severity.Info);
        await ReloadAsync();
    }

    private async Task BulkSelectedAsync(DecisionState state)
    {
        var done = await Decisions.DecideSelectedAsync(selected.ToList(), state);
        Snackbar.Add($"{Verb(state)} {done:N0} of {selected.Count:N0} selected items.", Severity.Success);
        await ReloadAsync(clearCurrent: true);
    }

    private async Task BulkFilterAsync(DecisionState state)
    {
        var count = await Queue.CountAsync(filter);
        if (count == 0)
        {
            Snackbar.Add("No item is shown under these filters.", Severity.Info);
            return;
        }

        var ok = await Dialogs.ShowMessageBoxAsync(
            $"{Verb(state)[..^2]} {count:N0} items?",
            $"Every item under the current tab and filters will be {Verb(state).ToLowerInvariant()} ({count:N0}); items another reviewer holds are left alone.",
            yesText: $"{Verb(state)[..^2]} {count:N0}", cancelText: "Cancel");
        if (ok == true)
        {
            var done = await Decisions.DecideAllAsync(filter, state);
            Snackbar.Add($"{Verb(state)} {done:N0} items.", Severity.Success);
            await ReloadAsync(clearCurrent: true);
        }
    }

    private static string Verb(DecisionState state) => state == DecisionState.Confirmed ? "Confirmed" : "Rejected";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (keyboard is not null)
            {
                await keyboard.InvokeVoidAsync("dispose");
                await keyboard.DisposeAsync();
            }

            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the page's listeners with it.
        }

        self?.Dispose();
    }
}
