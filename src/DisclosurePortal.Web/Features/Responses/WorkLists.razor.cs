using DisclosurePortal.Core.WorkLists;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace DisclosurePortal.Web.Features.Responses;

public sealed partial class WorkLists
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private IReadOnlyList<ResponseSummary>? responses;
    private IReadOnlyList<UploadSummary> uploads = [];
    private (int UploadId, string FileName)? received;
    private int? retryingId;
    private string? retryMessage;
    private ColumnMappingProposal? mapping;
    private string? mappingProblem;
    private (int UploadId, string FileName)? preview;
    private RefreshLoop? refresh;

    [Inject]
    private RespondentWorkspace Workspace { get; set; } = null!;

    [Inject]
    private UploadProcessing Processing { get; set; } = null!;

    [Inject]
    private WorkListIntake Intake { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private ILogger<WorkLists> Logger { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        responses = await Workspace.GetResponsesAsync();
        await LoadUploadsAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Only once interactive (not while prerendering): the page then reads the uploads' progress every second.
        if (firstRender && responses is [_, ..])
        {
            refresh = new RefreshLoop(RefreshInterval, Clock, () => InvokeAsync(RefreshAsync), Logger);
        }
    }

    private async Task RefreshAsync()
    {
        var before = uploads;
        await LoadUploadsAsync();
        if (!before.SequenceEqual(uploads))
        {
            StateHasChanged();
        }
    }

    private async Task LoadUploadsAsync()
    {
        if (responses is [var response, ..])
        {
            uploads = await Workspace.GetUploadsAsync(response.ResponseId);
        }
    }

    private async Task OnReceivedAsync((int UploadId, string FileName) upload)
    {
        (received, retryMessage, mapping) = (upload, null, null);
        await LoadUploadsAsync();
        if (uploads.FirstOrDefault(u => u.Id == upload.UploadId) is { Status: UploadStatus.AwaitingMapping })
        {
            await ShowColumnsAsync(upload.UploadId);
        }
    }

    private async Task ShowColumnsAsync(int uploadId)
    {
        mappingProblem = null;
        try
        {
            mapping = await Intake.GetMappingAsync(uploadId);
            received ??= (uploadId, mapping.FileName);
        }
        catch (WorkListFormatException ex)
        {
            (mapping, retryMessage) = (null, ex.Message);
        }
    }

    private async Task ConfirmColumnsAsync(IReadOnlyDictionary<WorkListField, int> columns)
    {
        if (mapping is null)
        {
            return;
        }

        mappingProblem = await Intake.ConfirmMappingAsync(mapping.UploadId, columns);
        if (mappingProblem is null)
        {
            (received, mapping) = ((mapping.UploadId, mapping.FileName), null);
        }

        await LoadUploadsAsync();
    }

    private void ShowAccepted(UploadSummary upload) => preview = (upload.Id, upload.FileName);

    private async Task RetryAsync(int uploadId)
    {
        retryingId = uploadId;
        try
        {
            retryMessage = await Processing.RetryAsync(uploadId)
                ? null
                : "That file is no longer waiting for a retry: it was retried already, or it is being processed again.";
            await LoadUploadsAsync();
        }
        finally
        {
            retryingId = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (refresh is not null)
        {
            await refresh.DisposeAsync();
        }
    }
}
