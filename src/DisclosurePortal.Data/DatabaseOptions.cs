using System.ComponentModel.DataAnnotations;

namespace DisclosurePortal.Data;

/// <summary>Configuration section "Database": which provider, and whether to migrate at start-up.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the portal starts (always on for the embedded SQLite).</summary>
    public bool MigrateOnStartup { get; set; }

    [Required(ErrorMessage = "A connection string for the chosen database provider is required (ConnectionStrings:<Provider>).")]
    public string ConnectionString { get; set; } = string.Empty;
}

/// <summary>Configuration section "Storage": where the portal keeps its files.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for the SQLite database and uploaded files; relative paths are taken from the content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "App_Data";

    public string UploadsDirectory => Path.Combine(DataDirectory, "uploads");

    /// <summary>Catalog files as uploaded by admins, and the rejected-row reports of their imports.</summary>
    public string CatalogImportsDirectory => Path.Combine(DataDirectory, "catalog-imports");

    /// <summary>The row reports of company list imports, for download.</summary>
    public string CompanyImportsDirectory => Path.Combine(DataDirectory, "company-imports");
}
