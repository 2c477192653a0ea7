using System.Text.Json;
using IntervisieBot.Storage.Tests.AzureTables;
using IntervisieBot.Testing;

namespace IntervisieBot.Tests.Privacy;

/// <summary>Every entity of every table in Azurite, as the service returns it (raw JSON), read over its REST API.</summary>
public static class RawAzureTables
{
    public sealed record Row(string Table, string Json);

    public static async Task<IReadOnlyList<Row>> ReadAllAsync(AzuriteServer azurite)
    {
        var sas = AccountSas.Create(AzuriteServer.AccountName, AzuriteServer.AccountKey, new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var http = new HttpClient();
        var rows = new List<Row>();
        foreach (var table in (await GetAsync(http, $"{azurite.TableEndpoint}/Tables?{sas}")).Select(t => t.GetProperty("TableName").GetString()!))
        {
            rows.AddRange((await GetAsync(http, $"{azurite.TableEndpoint}/{table}()?{sas}")).Select(e => new Row(table, e.GetRawText())));
        }

        return rows;
    }

    private static async Task<List<JsonElement>> GetAsync(HttpClient http, string url)
    {
        // Small test data: one page each (the service returns up to 1,000 entities a page).
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept", "application/json;odata=nometadata");
        request.Headers.Add("x-ms-version", AccountSas.Version);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. body.RootElement.GetProperty("value").EnumerateArray().Select(e => e.Clone())];
    }
}
