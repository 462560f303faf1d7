using System.Globalization;
using DisclosurePortal.Core.Messages;
using DisclosurePortal.Data.Entities;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DisclosurePortal.Web.Features.Outbox;

public partial class SendLog
{
    // "Queued" counts the ones being sent this moment too; "Sending" is not a filter of its own.
    private static readonly OutgoingMessageStatus[] Statuses = [OutgoingMessageStatus.Queued, OutgoingMessageStatus.Sent, OutgoingMessageStatus.Failed];

    private MudDataGrid<SendLogRow>? grid;
    private SendLogFilter filter = new();
    private IReadOnlyDictionary<OutgoingMessageStatus, int> counts = new Dictionary<OutgoingMessageStatus, int>();
    private (SendLogRow Row, string Body)? shown;

    [Inject]
    private SendLogService Log { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    protected override async Task OnInitializedAsync() => counts = await Log.CountsAsync();

    private int Count(OutgoingMessageStatus status) =>
        counts.GetValueOrDefault(status) + (status == OutgoingMessageStatus.Queued ? counts.GetValueOrDefault(OutgoingMessageStatus.Sending) : 0);

    private async Task<GridData<SendLogRow>> LoadAsync(GridState<SendLogRow> state, CancellationToken cancellationToken)
    {
        var page = await Log.PageAsync(filter, state.Page, state.PageSize, cancellationToken);
        return new GridData<SendLogRow> { Items = page.Items, TotalItems = page.Total };
    }

    private Task OnStatusAsync(OutgoingMessageStatus? status) => FilterAsync(filter with { Status = status });

    private Task OnKindAsync(MessageKind? kind) => FilterAsync(filter with { Kind = kind });

    private Task OnSearchAsync(string? text) => FilterAsync(filter with { Search = text });

    private async Task FilterAsync(SendLogFilter next)
    {
        filter = next;
        if (grid is not null)
        {
            if (grid.CurrentPage != 0)
            {
                grid.NavigateTo(MudBlazor.Page.First);
            }

            await grid.ReloadServerData();
        }
    }

    private async Task ShowAsync(long id) => shown = await Log.GetAsync(id);

    private async Task ResendAsync(long? id)
    {
        var count = await Log.ResendFailedAsync(id is null ? filter : new SendLogFilter(), id);
        Snackbar.Add(count == 0 ? "Nothing to send again: an invitation revoked, used or expired since needs a new invitation." : $"{count} message(s) queued again.",
            count == 0 ? Severity.Warning : Severity.Success);
        counts = await Log.CountsAsync();
        await FilterAsync(filter);
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string When(SendLogRow row) => row.Status switch
    {
        OutgoingMessageStatus.Sent => $"at {Utc(row.SentAt!.Value)} · attempt {row.Attempts}",
        OutgoingMessageStatus.Failed => $"after {row.Attempts} attempt(s)",
        _ when row.Attempts > 0 => $"attempt {row.Attempts + 1} at {Utc(row.NextAttemptAt)}",
        _ => string.Empty,
    };

    internal static string StatusText(OutgoingMessageStatus status) => status switch
    {
        OutgoingMessageStatus.Sent => "Sent",
        OutgoingMessageStatus.Failed => "Failed",
        _ => "Queued",
    };

    internal static Color StatusColour(OutgoingMessageStatus status) => status switch
    {
        OutgoingMessageStatus.Sent => Color.Success,
        OutgoingMessageStatus.Failed => Color.Error,
        _ => Color.Info,
    };

    internal static string KindText(MessageKind kind) => kind switch
    {
        MessageKind.Invitation => "Invitation",
        MessageKind.Reminder => "Reminder",
        MessageKind.OverdueNotice => "Overdue notice",
        _ => "Colleague invitation",
    };
}
