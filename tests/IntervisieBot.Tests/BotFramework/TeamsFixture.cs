using System.Net.Http.Headers;
using System.Text;

namespace IntervisieBot.Tests.BotFramework;

/// <summary>Teams payloads written from the Teams documentation, with the service URL, bot and tenant filled in.</summary>
public static class TeamsFixture
{
    public const string BotId = "28:4a1b2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string GroupChatId = "19:a8f3c2e1d0b94f7e8c6a5b4d3e2f1a0b@thread.v2";
    public const string PersonalChatId = "a:1Xy9-personal-conversation-id-anna";

    public static string Load(string name, string serviceUrl)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Teams", name + ".json");
        return File.ReadAllText(path)
            .Replace("{{serviceUrl}}", serviceUrl, StringComparison.Ordinal)
            .Replace("28:{{botId}}", BotId, StringComparison.Ordinal)
            .Replace("{{tenantId}}", TenantId, StringComparison.Ordinal);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string json, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request);
    }
}
