namespace IntervisieBot.Storage.AzureTables;

/// <summary>
/// The parts of an Azure Storage connection string the Table client needs: where the table service is, and how to
/// authorise (an account key to sign with, or a shared access signature to append). Parse errors name the setting
/// at fault but never repeat a value, since a connection string is a secret.
/// </summary>
public sealed class AzureTableConnectionString
{
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The emulator's well-known key (public and documented, not a secret).</summary>
    private const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const int DevelopmentTablePort = 10002;

    // Settings other services read from the same string; a Table client has no use for them but must accept them.
    private static readonly HashSet<string> OtherServicesSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        "BlobEndpoint", "QueueEndpoint", "FileEndpoint",
        "BlobSecondaryEndpoint", "QueueSecondaryEndpoint", "FileSecondaryEndpoint", "TableSecondaryEndpoint",
    };

    private AzureTableConnectionString(Uri tableEndpoint, string? accountName, byte[]? accountKey, string? sharedAccessSignature)
    {
        TableEndpoint = tableEndpoint;
        AccountName = accountName;
        AccountKey = accountKey;
        SharedAccessSignature = sharedAccessSignature;
    }

    /// <summary>The table service's base address, e.g. <c>https://account.table.core.windows.net/</c>.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>Null only for a SAS connection string with an explicit endpoint.</summary>
    public string? AccountName { get; }

    public bool UsesSharedAccessSignature => SharedAccessSignature is not null;

    internal byte[]? AccountKey { get; }

    /// <summary>The SAS query without a leading '?'.</summary>
    internal string? SharedAccessSignature { get; }

    public static AzureTableConnectionString Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new FormatException("The storage connection string is empty.");
        }

        var settings = ReadSettings(connectionString);
        return settings.TryGetValue("UseDevelopmentStorage", out var useDevelopment)
            ? ForDevelopmentStorage(useDevelopment, settings)
            : ForAccount(settings);
    }

    /// <summary>Shows where, never the key or the signature.</summary>
    public override string ToString() =>
        $"TableEndpoint={TableEndpoint}; AccountName={AccountName ?? "(none)"}; Credential={(UsesSharedAccessSignature ? "SAS" : "AccountKey")}";

    private static Dictionary<string, string> ReadSettings(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = connectionString.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var equals = segments[i].IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                // The segment itself is not shown: a key pasted without its name would be echoed.
                throw new FormatException($"Setting {i + 1} of the storage connection string is not of the form Name=Value.");
            }

            var name = segments[i][..equals].Trim();
            var value = segments[i][(equals + 1)..].Trim();
            if (!settings.TryAdd(name, value))
            {
                throw new FormatException($"The storage connection string sets {Shown(name, i)} twice.");
            }
        }

        return settings;
    }

    private static AzureTableConnectionString ForDevelopmentStorage(string useDevelopment, Dictionary<string, string> settings)
    {
        if (!string.Equals(useDevelopment, "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException("UseDevelopmentStorage must be 'true'; leave it out to connect to an account.");
        }

        var others = settings.Keys.Where(k => !k.Equals("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase)
                                              && !k.Equals("DevelopmentStorageProxyUri", StringComparison.OrdinalIgnoreCase)).ToList();
        if (others.Count > 0)
        {
            throw new FormatException(
                $"With UseDevelopmentStorage=true only DevelopmentStorageProxyUri may be set; found {string.Join(", ", others)}.");
        }

        var host = new UriBuilder("http", "127.0.0.1", DevelopmentTablePort, DevelopmentAccountName);
        if (settings.TryGetValue("DevelopmentStorageProxyUri", out var proxy))
        {
            var proxyUri = AbsoluteUri(proxy, "DevelopmentStorageProxyUri");
            host = new UriBuilder(proxyUri.Scheme, proxyUri.Host, DevelopmentTablePort, DevelopmentAccountName);
        }

        return new AzureTableConnectionString(host.Uri, DevelopmentAccountName, Convert.FromBase64String(DevelopmentAccountKey), null);
    }

    private static AzureTableConnectionString ForAccount(Dictionary<string, string> settings)
    {
        var unknown = settings.Keys.Select((name, i) => (name, i))
            .Where(s => !IsAccountSetting(s.name) && !OtherServicesSettings.Contains(s.name))
            .Select(s => Shown(s.name, s.i))
            .ToList();
        if (unknown.Count > 0)
        {
            throw new FormatException($"The storage connection string has unknown setting(s): {string.Join(", ", unknown)}.");
        }

        settings.TryGetValue("AccountName", out var accountName);
        settings.TryGetValue("AccountKey", out var accountKey);
        settings.TryGetValue("SharedAccessSignature", out var sas);
        if (accountName is { Length: 0 })
        {
            throw new FormatException("AccountName is empty.");
        }

        var hasKey = !string.IsNullOrEmpty(accountKey);
        var hasSas = !string.IsNullOrEmpty(sas);
        if (hasKey == hasSas)
        {
            throw new FormatException(hasKey
                ? "The storage connection string has both AccountKey and SharedAccessSignature; give one."
                : "The storage connection string needs AccountKey or SharedAccessSignature.");
        }

        var endpoint = settings.TryGetValue("TableEndpoint", out var explicitEndpoint)
            ? AbsoluteUri(explicitEndpoint, "TableEndpoint")
            : DefaultEndpoint(settings, accountName);

        if (hasKey)
        {
            if (accountName is null)
            {
                throw new FormatException("AccountName is required with AccountKey: it is part of every signature.");
            }

            return new AzureTableConnectionString(endpoint, accountName, DecodeKey(accountKey!), null);
        }

        var signature = sas!.TrimStart('?');
        if (!signature.Split('&').Any(p => p.StartsWith("sig=", StringComparison.Ordinal)))
        {
            throw new FormatException("SharedAccessSignature has no 'sig' parameter; copy the whole SAS token.");
        }

        return new AzureTableConnectionString(endpoint, accountName, null, signature);
    }

    /// <summary>
    /// A setting's name for an error message, unless it may be a fragment of a secret: what precedes the first '=' of
    /// a base64 key pasted on its own would otherwise be echoed.
    /// </summary>
    private static string Shown(string name, int index) =>
        name.Length <= 32 && name.All(char.IsAsciiLetter) ? $"'{name}'" : $"the setting at position {index + 1}";

    private static bool IsAccountSetting(string name) => name.ToUpperInvariant() is
        "DEFAULTENDPOINTSPROTOCOL" or "ACCOUNTNAME" or "ACCOUNTKEY" or "ENDPOINTSUFFIX" or "TABLEENDPOINT" or "SHAREDACCESSSIGNATURE";

    private static Uri DefaultEndpoint(Dictionary<string, string> settings, string? accountName)
    {
        if (accountName is null)
        {
            throw new FormatException("The storage connection string needs AccountName, or a TableEndpoint.");
        }

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https").ToLowerInvariant();
        if (protocol is not ("https" or "http"))
        {
            throw new FormatException("DefaultEndpointsProtocol must be 'https' or 'http'.");
        }

        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        if (suffix.Length == 0 || Uri.CheckHostName($"{accountName}.table.{suffix}") != UriHostNameType.Dns)
        {
            throw new FormatException("AccountName and EndpointSuffix do not make a valid host name.");
        }

        return new Uri($"{protocol}://{accountName}.table.{suffix}/");
    }

    private static Uri AbsoluteUri(string value, string settingName)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new FormatException($"{settingName} must be an absolute http or https address.");
        }

        if (!string.IsNullOrEmpty(uri.Query))
        {
            throw new FormatException($"{settingName} must not have a query; put a SAS in SharedAccessSignature.");
        }

        return uri;
    }

    private static byte[] DecodeKey(string accountKey)
    {
        var buffer = new byte[accountKey.Length];
        if (!Convert.TryFromBase64String(accountKey, buffer, out var written) || written == 0)
        {
            throw new FormatException("AccountKey is not a valid base64 key.");
        }

        return buffer[..written];
    }
}
