using System.Globalization;
using DisclosurePortal.Core.Auditing;
using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DisclosurePortal.Web.Features.Audit;

public partial class AuditTrailPage
{
    private readonly AuditFilter filter = new();
    private MudDataGrid<AuditRow>? grid;
    private IReadOnlyList<AuditCompanyOption> companies = [];
    private IReadOnlyList<string> entityTypes = [];
    private AuditVerification? verification;
    private AuditEntry? shown;
    private bool verifying;

    [Inject]
    private AuditEntryBrowser Browser { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        companies = await Browser.CompaniesAsync();
        entityTypes = await Browser.EntityTypesAsync();
    }

    private async Task<GridData<AuditRow>> LoadAsync(GridState<AuditRow> state, CancellationToken cancellationToken)
    {
        var page = await Browser.PageAsync(filter, state.Page * state.PageSize, state.PageSize, cancellationToken);
        return new GridData<AuditRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private async Task ReloadAsync()
    {
        if (grid is not null)
        {
            if (grid.CurrentPage != 0)
            {
                grid.NavigateTo(MudBlazor.Page.First);
            }

            await grid.ReloadServerData();
        }
    }

    private async Task VerifyAsync()
    {
        verifying = true;
        try
        {
            verification = await Browser.VerifyAsync();
        }
        finally
        {
            verifying = false;
        }
    }

    private async Task ShowAsync(long sequence) => shown = await Browser.FindAsync(sequence);

    internal static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
