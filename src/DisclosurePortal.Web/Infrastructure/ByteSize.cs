namespace DisclosurePortal.Web.Infrastructure;

public static class ByteSize
{
    /// <summary>"512 bytes", "12.3 KB", "4.0 MB" for file lists.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{bytes / 1024.0:N1} KB",
        < 1024L * 1024 * 1024 => $"{bytes / 1024.0 / 1024.0:N1} MB",
        _ => $"{bytes / 1024.0 / 1024.0 / 1024.0:N1} GB",
    };
}
