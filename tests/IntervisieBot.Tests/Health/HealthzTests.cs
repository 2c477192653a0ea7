using System.Net;
using System.Text.Json;
using IntervisieBot.Tests.Host;

namespace IntervisieBot.Tests.Health;

public sealed class HealthzTests
{
    [Fact]
    public async Task Healthz_OnTheEmbeddedStore_Answers200AndNamesTheStore()
    {
        using var factory = new BotFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var storage = body.RootElement.GetProperty("checks").GetProperty("storage");
        Assert.Equal("Healthy", storage.GetProperty("status").GetString());
        Assert.Equal("Sqlite", storage.GetProperty("data").GetProperty("provider").GetString());
    }

    [Fact]
    public async Task Healthz_WhenAzureTablesDoesNotAnswer_Answers503AndSaysWhich()
    {
        // Port 9 on loopback: nothing listens, so every connection is refused at once.
        using var factory = new BotFactory()
            .With("Storage:Provider", "AzureTables")
            .With("Privacy:EncryptionKey", Convert.ToBase64String(new byte[32]))
            .With("Storage:ConnectionString", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Testing.AzuriteServer.AccountKey + ";TableEndpoint=http://127.0.0.1:9/devstoreaccount1;");
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("AzureTables", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Testing.AzuriteServer.AccountKey, text, StringComparison.Ordinal);
    }
}
