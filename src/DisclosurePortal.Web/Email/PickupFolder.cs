namespace DisclosurePortal.Web;

/// <summary>The folder Email:PickupDirectory names, resolved against the content root; messages in it are .eml files.</summary>
public sealed class PickupFolder(string path)
{
    public const string MessagePattern = "*.eml";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public static PickupFolder From(IServiceProvider services)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value;
        // Tests build the feature services without a web host, so the content root may be missing.
        var root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
        return new PickupFolder(System.IO.Path.GetFullPath(options.PickupDirectory, root));
    }
}
