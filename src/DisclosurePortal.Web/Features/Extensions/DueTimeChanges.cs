namespace DisclosurePortal.Web.Features.Extensions;

/// <summary>
/// Tells open pages in this process that a response's due time moved (an extension was granted), so the
/// respondent's countdown follows at once instead of at the next page load.
/// </summary>
public sealed class DueTimeChanges
{
    public event Action<int, DateTimeOffset>? Changed;

    public void Publish(int responseId, DateTimeOffset dueAt) => Changed?.Invoke(responseId, dueAt);
}
