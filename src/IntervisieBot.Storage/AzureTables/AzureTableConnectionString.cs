namespace IntervisieBot.Storage.AzureTables;

/// <summary>Placeholder: parsed by the REST client being written.</summary>
public sealed class AzureTableConnectionString
{
    public static AzureTableConnectionString Parse(string connectionString) => throw new NotImplementedException(connectionString.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
