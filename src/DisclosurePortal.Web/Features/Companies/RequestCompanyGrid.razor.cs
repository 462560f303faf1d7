using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DisclosurePortal.Web.Features.Companies;

public partial class RequestCompanyGrid
{
    private readonly HashSet<int> selected = [];
    private MudDataGrid<CompanyListRow>? grid;
    private IReadOnlyDictionary<CompanyStatus, int> counts = new Dictionary<CompanyStatus, int>();
    private IReadOnlyList<CompanyListRow> page = [];
    private CompanyStatus? status;
    private string? search;
    private int total;

    [Parameter, EditorRequired]
    public int RequestId { get; set; }

    /// <summary>Admins select rows, invite, edit and manage access; reviewers only read.</summary>
    [Parameter]
    public bool Admin { get; set; }

    private CompanyFilter Filter => new(status, search);

    private bool PageSelected => page.Count > 0 && page.All(r => selected.Contains(r.CompanyId));

    protected override async Task OnParametersSetAsync() => counts = await Companies.CountsAsync(RequestId);

    private async Task<GridData<CompanyListRow>> LoadAsync(GridState<CompanyListRow> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var order = Enum.TryParse<CompanyOrder>(sort?.SortBy, out var by) ? by : CompanyOrder.Name;
        var result = await Companies.PageAsync(RequestId, Filter, state.Page, state.PageSize, order, sort?.Descending ?? false, cancellationToken);
        (page, total) = (result.Items, result.Total);
        return new GridData<CompanyListRow> { Items = result.Items, TotalItems = result.Total };
    }

    private static string Facts(CompanyListRow row) =>
        string.Join(" · ", new[] { row.LegalEntity, row.Country }.Where(f => !string.IsNullOrWhiteSpace(f)));

    private Task OnStatusChangedAsync(CompanyStatus? value)
    {
        status = value;
        return FirstPageAsync();
    }

    private Task OnSearchAsync(string _) => FirstPageAsync();

    private async Task FirstPageAsync()
    {
        if (grid is null)
        {
            return;
        }

        if (grid.CurrentPage != 0)
        {
            grid.NavigateTo(MudBlazor.Page.First);
        }

        await grid.ReloadServerData();
    }

    /// <summary>After invitations were queued: statuses change as they go out.</summary>
    private async Task ReloadAsync()
    {
        selected.Clear();
        counts = await Companies.CountsAsync(RequestId);
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }

    private void Select(int companyId, bool on)
    {
        if (on)
        {
            selected.Add(companyId);
        }
        else
        {
            selected.Remove(companyId);
        }
    }

    private void SelectPage(bool on)
    {
        foreach (var row in page)
        {
            Select(row.CompanyId, on);
        }
    }
}
