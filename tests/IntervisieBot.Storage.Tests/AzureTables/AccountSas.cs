using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IntervisieBot.Storage.Tests.AzureTables;

/// <summary>
/// Issues an account shared access signature (the 2015-04-05 string-to-sign, used by versions before 2020-12-06) the
/// way the portal or <c>az storage account generate-sas</c> would, so the tests can connect to Azurite with a SAS.
/// </summary>
public static class AccountSas
{
    public const string Version = "2019-02-02";

    /// <summary>A SAS for the table service; <paramref name="permissions"/> e.g. <c>rwdlacu</c> (read, write, delete, list, add, create, update).</summary>
    public static string Create(string accountName, string accountKey, DateTimeOffset expiresOn, string permissions = "rwdlacu")
    {
        const string services = "t";
        const string resourceTypes = "sco";
        const string protocols = "https,http";
        var expiry = expiresOn.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        // account, permissions, services, resource types, start, expiry, IP range, protocols, version, and a final newline.
        var stringToSign = string.Join('\n', accountName, permissions, services, resourceTypes, "", expiry, "", protocols, Version, "");
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(accountKey), Encoding.UTF8.GetBytes(stringToSign)));

        return string.Join('&',
            "sv=" + Version,
            "ss=" + services,
            "srt=" + resourceTypes,
            "sp=" + permissions,
            "se=" + Uri.EscapeDataString(expiry),
            "spr=" + Uri.EscapeDataString(protocols),
            "sig=" + Uri.EscapeDataString(signature));
    }
}
