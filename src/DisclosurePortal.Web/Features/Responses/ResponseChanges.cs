namespace DisclosurePortal.Web.Features.Responses;

/// <summary>
/// Tells open pages in this process that a response changed in a way its header shows (a version submitted, an
/// extension asked for, granted or refused), so the respondent's deadline bar follows at once, not at the next load.
/// </summary>
public sealed class ResponseChanges
{
    public event Action<int>? Changed;

    public void Publish(int responseId) => Changed?.Invoke(responseId);
}
