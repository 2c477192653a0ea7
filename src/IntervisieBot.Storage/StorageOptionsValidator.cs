using System.Text.RegularExpressions;
using IntervisieBot.Storage.AzureTables;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Storage;

/// <summary>Every message names the setting to fix, the way a user would write it in appsettings.json.</summary>
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Section = StorageOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = new List<string>();
        var isSqlite = string.Equals(options.Provider, StorageOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase);
        if (!isSqlite && !options.IsAzureTables)
        {
            errors.Add($"{Section}:Provider must be '{StorageOptions.SqliteProvider}' or '{StorageOptions.AzureTablesProvider}', not '{options.Provider}'.");
        }

        if (!Prefix().IsMatch(options.TablePrefix))
        {
            errors.Add($"{Section}:TablePrefix must be empty or up to 20 letters and digits starting with a letter, not '{options.TablePrefix}'.");
        }

        if (isSqlite && string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            errors.Add($"{Section}:SqlitePath must name the database file when {Section}:Provider is Sqlite.");
        }

        if (options.IsAzureTables)
        {
            ValidateAzure(options, errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateAzure(StorageOptions options, List<string> errors)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasUri = !string.IsNullOrWhiteSpace(options.TableServiceUri);
        if (hasConnectionString == hasUri)
        {
            errors.Add($"{Section}:Provider is AzureTables: set either {Section}:ConnectionString or {Section}:TableServiceUri (for Entra ID), not both or neither.");
            return;
        }

        if (hasConnectionString)
        {
            try
            {
                AzureTableConnectionString.Parse(options.ConnectionString!);
            }
            catch (FormatException e)
            {
                // The parser's messages never contain the key or the SAS.
                errors.Add($"{Section}:ConnectionString is not valid: {e.Message}");
            }
        }
        else if (!Uri.TryCreate(options.TableServiceUri, UriKind.Absolute, out var uri)
                 || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            errors.Add($"{Section}:TableServiceUri must be an https address such as https://myaccount.table.core.windows.net, not '{options.TableServiceUri}'.");
        }
    }

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9]{0,19})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();
}
