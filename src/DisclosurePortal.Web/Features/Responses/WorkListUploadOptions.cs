using System.ComponentModel.DataAnnotations;

namespace DisclosurePortal.Web.Features.Responses;

/// <summary>Limits of work-list uploads (section "Uploads").</summary>
public sealed class WorkListUploadOptions
{
    public const string Section = "Uploads";

    /// <summary>The largest file a company may upload, as sent (a .gz counts compressed). Larger ones are refused before they are stored in full.</summary>
    [Range(1024, 64L * 1024 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>The most a .gz may unpack to; past it the file is refused (a zip bomb stops here).</summary>
    [Range(1024, 256L * 1024 * 1024 * 1024)]
    public long MaxUnpackedBytes { get; set; } = 4L * 1024 * 1024 * 1024;
}
