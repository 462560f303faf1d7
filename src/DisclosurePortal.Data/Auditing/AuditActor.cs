namespace DisclosurePortal.Data.Auditing;

/// <summary>Who an audit entry names as having acted.</summary>
public sealed record AuditActor(string Id, string Name)
{
    public const string SystemId = "system";

    /// <summary>Background jobs, start-up work and the command line.</summary>
    public static AuditActor System { get; } = new(SystemId, "system");
}
