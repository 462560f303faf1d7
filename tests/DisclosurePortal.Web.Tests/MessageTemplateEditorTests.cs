using Bunit;
using DisclosurePortal.Core.Messages;
using DisclosurePortal.Web.Features.Messages;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace DisclosurePortal.Web.Tests;

/// <summary>The e-mail editor shows the e-mail as a company would get it while the admin types, and names unknown placeholders.</summary>
public class MessageTemplateEditorTests
{
    private static readonly RequestMessages Request = new(1, "Second letter", new DateTimeOffset(2026, 12, 16, 17, 0, 0, TimeSpan.Zero), "7,3,1", [], "Northwind AI");

    [Fact]
    public async Task The_preview_follows_the_text_and_unknown_placeholders_are_named()
    {
        // Disposed asynchronously: MudBlazor's input services only dispose that way.
        await using var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var text = MessageDefaults.For(MessageKind.Reminder);
        var draft = new TemplateDraft { Kind = MessageKind.Reminder, DaysBefore = 3, Subject = text.Subject, Body = text.Body };
        var cut = context.Render<MessageTemplateEditor>(p => p.Add(c => c.Draft, draft).Add(c => c.Request, Request));

        Assert.Equal("Reminder: Second letter is due in 3 days", cut.Find("[data-testid=template-preview-subject]").TextContent);
        Assert.Contains("Dear Ada Lovelace,", cut.Find("[data-testid=template-preview-body]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=template-problem]"));

        cut.Find("input").Input("{company}: {days} to go");

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("Northwind AI: {days} to go", cut.Find("[data-testid=template-preview-subject]").TextContent);
            Assert.Contains("Unknown placeholder: {days}.", cut.Find("[data-testid=template-problem]").TextContent, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(10)); // the default second is too short when the suite's other projects load both cores
        Assert.Equal("{company}: {days} to go", draft.Subject);
    }
}
