using Bunit;
using DisclosurePortal.Core.WorkLists;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Responses;
using MudBlazor.Services;

namespace DisclosurePortal.Web.Tests;

public class ColumnMappingTests : BunitContext, IAsyncLifetime
{
    public ColumnMappingTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private static ColumnMappingProposal Proposal(IReadOnlyDictionary<WorkListField, int> mapping, bool remembered = false) => new(
        7, "werke.csv", 2048, "CSV (semicolon-separated, Windows-1252)", ["Werk", "Interpret", "Kennung"],
        [["Lichter", "Nadia", "USRC17607839"], ["Stille", "Ben", ""]], mapping, remembered, Waiting: true);

    [Fact]
    public void Shows_the_format_each_column_with_its_first_values_and_holds_back_an_unusable_mapping()
    {
        var cut = Render<WorkListColumnMapping>(p => p.Add(c => c.Proposal, Proposal(new Dictionary<WorkListField, int>())));

        Assert.Contains("CSV (semicolon-separated, Windows-1252)", cut.Find("[data-testid=column-mapping-format]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Lichter · Stille", cut.Find("[data-testid=mapping-column-0]").TextContent, StringComparison.Ordinal);
        Assert.Contains("The file needs an ISRC column", cut.Find("[data-testid=mapping-problem]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=mapping-confirm]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_remembered_mapping_is_said_so_and_confirmed_as_shown()
    {
        var mapping = new Dictionary<WorkListField, int> { [WorkListField.Title] = 0, [WorkListField.Artist] = 1, [WorkListField.Isrc] = 2 };
        IReadOnlyDictionary<WorkListField, int>? confirmed = null;
        var cut = Render<WorkListColumnMapping>(p => p.Add(c => c.Proposal, Proposal(mapping, remembered: true)).Add(c => c.OnConfirmed, m => confirmed = m));

        Assert.Contains("confirmed these columns for a file with the same header before", cut.Find("[data-testid=column-mapping-format]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=mapping-problem]"));
        cut.Find("[data-testid=mapping-confirm]").Click();
        Assert.Equal(mapping, confirmed);
    }

    [Fact]
    public void An_upload_waiting_for_its_columns_is_at_that_stage()
    {
        Assert.Equal(UploadStage.Columns, UploadProgress.Of(UploadStatus.AwaitingMapping, null, null, null).Stage);
    }
}
