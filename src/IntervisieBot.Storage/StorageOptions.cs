namespace IntervisieBot.Storage;

/// <summary>The <c>Storage</c> settings. Checked at start-up; a bad value stops the host with a message naming the key.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string SqliteProvider = "Sqlite";
    public const string AzureTablesProvider = "AzureTables";

    /// <summary><c>Sqlite</c> (embedded, the default) or <c>AzureTables</c>.</summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>For AzureTables: an account-key or SAS connection string, or <c>UseDevelopmentStorage=true</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>For AzureTables with Entra ID (managed identity): <c>https://{account}.table.core.windows.net</c>.</summary>
    public string? TableServiceUri { get; set; }

    /// <summary>For Sqlite: the database file; a relative path is taken from the host's content root.</summary>
    public string SqlitePath { get; set; } = ".data/intervisiebot.db";

    /// <summary>Put before every table name, so several bots can share one account (letters and digits).</summary>
    public string TablePrefix { get; set; } = "";

    public bool IsAzureTables => string.Equals(Provider, AzureTablesProvider, StringComparison.OrdinalIgnoreCase);
}
