using DisclosurePortal.Core.Messages;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Messages;

/// <summary>A request's wording for each of its e-mails: its own where it has one, else the default.</summary>
public sealed class RequestTemplates(IReadOnlyList<RequestMessageTemplate> saved)
{
    public static RequestTemplates Defaults { get; } = new([]);

    public static async Task<RequestTemplates> LoadAsync(PortalDbContext db, int requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new(await db.MessageTemplates.AsNoTracking().Where(t => t.RequestId == requestId).ToListAsync(cancellationToken));
    }

    /// <summary>The text for <paramref name="kind"/>; a reminder's own text is the one for its <paramref name="daysBefore"/>.</summary>
    public MessageText For(MessageKind kind, int daysBefore = 0)
    {
        var days = kind == MessageKind.Reminder ? daysBefore : 0;
        return saved.FirstOrDefault(t => t.Kind == kind && t.DaysBefore == days) is { } own
            ? new MessageText(own.Subject, own.Body)
            : MessageDefaults.For(kind);
    }

    /// <summary>Whether the request has its own text for this kind (and reminder), rather than the default.</summary>
    public bool IsOwn(MessageKind kind, int daysBefore = 0) =>
        saved.Any(t => t.Kind == kind && t.DaysBefore == (kind == MessageKind.Reminder ? daysBefore : 0));
}
