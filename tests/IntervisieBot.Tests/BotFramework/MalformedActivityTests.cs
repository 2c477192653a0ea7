using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IntervisieBot.Channels.BotFramework.Tests.Connector;
using IntervisieBot.Conversations;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.BotFramework;

/// <summary>Whatever a client sends, the answer is a clear 2xx or 4xx, and the bot keeps serving.</summary>
public sealed class MalformedActivityTests : IAsyncLifetime
{
    private FakeConnectorServer _connector = null!;
    private BotFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnectorServer.StartAsync();
        // The edge is under test here, not the bot's answers: a silent bot keeps 2,000 turns from queueing replies.
        _bot = new BotFactory().WithServices(services => services.AddSingleton<IBot, SilentBot>());
        _client = _bot.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostRawAsync(byte[] body, string contentType = "application/json")
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return await _client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("not json at all", HttpStatusCode.BadRequest)]
    [InlineData("[1,2,3]", HttpStatusCode.BadRequest)]
    [InlineData("{}", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\": 42}", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"ftp://x\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\"},\"recipient\":{\"id\":\"b\"}}", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"timestamp\":\"yesterday\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"somethingNew\",\"channelId\":\"msteams\",\"serviceUrl\":\"http://127.0.0.1:9\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\"},\"recipient\":{\"id\":\"b\"}}", HttpStatusCode.OK)]
    [InlineData("{\"type\":\"invoke\",\"name\":\"composeExtension/query\",\"channelId\":\"msteams\",\"serviceUrl\":\"http://127.0.0.1:9\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\"},\"recipient\":{\"id\":\"b\"}}", HttpStatusCode.OK)]
    public async Task Post_WithABody_AnswersWithAClearStatus(string body, HttpStatusCode expected)
    {
        using var response = await PostRawAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Post_LargerThanHalfAMegabyte_IsRefusedAs413()
    {
        var huge = "{\"type\":\"message\",\"text\":\"" + new string('x', 600_000) + "\"}";

        using var response = await PostRawAsync(Encoding.UTF8.GetBytes(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task TwoThousandMutatedActivities_GetNoServerError_AndTheBotKeepsServing()
    {
        var random = new Random(20261122);
        var seeds = new[]
        {
            "groupchat-message-with-mention", "bot-added-to-groupchat", "installation-add-groupchat", "installation-remove-groupchat",
            "action-submit-message", "adaptive-card-action-invoke", "personal-message",
        }.Select(name => TeamsFixture.Load(name, _connector.ServiceUrl)).ToArray();

        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < 2000; i++)
        {
            var body = ActivityMutator.Mutate(seeds[random.Next(seeds.Length)], random);
            using var response = await PostRawAsync(body);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"Mutation {i} got {status}: {Encoding.UTF8.GetString(body)[..Math.Min(300, body.Length)]}");
        }

        await _bot.Services.GetRequiredService<ConversationWorkQueue>().WhenIdleAsync();
        using var health = await _client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var still = await TeamsFixture.PostAsync(_client, TeamsFixture.Load("personal-message", _connector.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
        Assert.True(statuses.GetValueOrDefault(200) > 100, "Some mutations should still be valid activities.");
        Assert.True(statuses.GetValueOrDefault(400) > 100, "Many mutations should be refused as bad requests.");
    }
}

internal sealed class SilentBot : IBot
{
    public Task OnTurnAsync(ITurnContext context, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

/// <summary>Breaks activities the ways clients and attackers do: cut short, wrong types, huge or missing fields, junk bytes.</summary>
internal static class ActivityMutator
{
    private static readonly Func<JsonNode, Random, JsonNode?>[] ValueMutations =
    [
        (_, _) => null,
        (_, r) => JsonValue.Create(r.Next()),
        (_, r) => JsonValue.Create(r.NextDouble() * 1e308),
        (_, _) => JsonValue.Create(true),
        (_, _) => new JsonArray(1, "two", null),
        (_, _) => new JsonObject { ["nested"] = new JsonObject { ["deeper"] = "x" } },
        (_, r) => JsonValue.Create(new string('ä', r.Next(1, 20_000))),
        (_, _) => JsonValue.Create(""),
        (_, _) => JsonValue.Create("\u0000\u0001<script>\"'"),
        (_, _) => JsonValue.Create("2026-13-45T99:99:99Z"),
        (_, _) => JsonValue.Create("/\\#?;messageid=1"),
    ];

    public static byte[] Mutate(string json, Random random)
    {
        switch (random.Next(10))
        {
            case 0:
                return Encoding.UTF8.GetBytes(json[..random.Next(json.Length)]);
            case 1:
                var bytes = Encoding.UTF8.GetBytes(json);
                for (var i = 0; i < 5; i++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            case 2:
                return Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("[", random.Next(10, 400))) + "1");
            default:
                var node = JsonNode.Parse(json)!;
                for (var i = 0; i < random.Next(1, 4); i++)
                {
                    MutateOne(node, random);
                }

                return Encoding.UTF8.GetBytes(node.ToJsonString());
        }
    }

    private static void MutateOne(JsonNode root, Random random)
    {
        var containers = new List<JsonNode>();
        Collect(root, containers);
        var target = containers[random.Next(containers.Count)];
        if (target is JsonObject obj && obj.Count > 0)
        {
            var key = obj.Select(p => p.Key).ElementAt(random.Next(obj.Count));
            if (random.Next(4) == 0)
            {
                obj.Remove(key);
            }
            else
            {
                obj[key] = ValueMutations[random.Next(ValueMutations.Length)](obj[key]!, random);
            }
        }
        else if (target is JsonArray array && array.Count > 0)
        {
            array[random.Next(array.Count)] = ValueMutations[random.Next(ValueMutations.Length)](array[0]!, random);
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        switch (node)
        {
            case JsonObject obj:
                into.Add(obj);
                foreach (var (_, child) in obj)
                {
                    Collect(child, into);
                }

                break;
            case JsonArray array:
                into.Add(array);
                foreach (var child in array)
                {
                    Collect(child, into);
                }

                break;
            default:
                break;
        }
    }
}
