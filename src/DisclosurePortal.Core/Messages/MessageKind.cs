namespace DisclosurePortal.Core.Messages;

/// <summary>What an e-mail the portal sends is for.</summary>
public enum MessageKind
{
    /// <summary>A request's access invitation to a company's contact (templated per request).</summary>
    Invitation = 0,

    /// <summary>A reminder before a company's due time (templated per request, one template per reminder).</summary>
    Reminder = 1,

    /// <summary>The notice after a company's due time has passed without an answer (templated per request).</summary>
    OverdueNotice = 2,

    /// <summary>A lead respondent's invitation to a colleague at the same company (fixed text).</summary>
    ColleagueInvitation = 3,
}
