namespace DisclosurePortal.Data.Auditing;

/// <summary>The actions the audit trail records, as stored (and filtered on the admin page).</summary>
public static class AuditActions
{
    public const string SignedIn = "account.signed-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string SignedOut = "account.signed-out";
    public const string InvitationIssued = "invitation.issued";
    public const string InvitationAccepted = "invitation.accepted";
    public const string InvitationRevoked = "invitation.revoked";
    public const string UserCreated = "user.created";
    public const string UserRoleChanged = "user.role-changed";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string UploadReceived = "upload.received";
    public const string UploadColumnsConfirmed = "upload.columns-confirmed";
    public const string ResponseSubmitted = "response.submitted";
    public const string ResponseAmended = "response.amended";
    public const string ExtensionRequested = "extension.requested";
    public const string ExtensionGranted = "extension.granted";
    public const string ExtensionRefused = "extension.refused";
    public const string CatalogImported = "catalog.imported";
    public const string CompaniesImported = "companies.imported";
    public const string CompanyChanged = "company.changed";
    public const string RequestCreated = "request.created";
    public const string RequestChanged = "request.changed";
    public const string RequestSent = "request.sent";
    public const string RequestClosed = "request.closed";
    public const string TemplateChanged = "template.changed";
    public const string MatchesDecided = "match.decided";
    public const string EvidenceExported = "evidence.exported";

    public static IReadOnlyList<string> All { get; } =
    [
        SignedIn, SignInFailed, SignedOut, InvitationIssued, InvitationAccepted, InvitationRevoked, UserCreated, UserRoleChanged,
        UserDisabled, UserEnabled, UploadReceived, UploadColumnsConfirmed, ResponseSubmitted, ResponseAmended,
        ExtensionRequested, ExtensionGranted, ExtensionRefused, CatalogImported, CompaniesImported, CompanyChanged,
        RequestCreated, RequestChanged, RequestSent, RequestClosed, TemplateChanged, MatchesDecided, EvidenceExported,
    ];
}
