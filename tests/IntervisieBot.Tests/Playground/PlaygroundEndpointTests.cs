using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntervisieBot.Playground;
using IntervisieBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.Playground;

/// <summary>The playground page and its channel, over HTTP in process: what is served, to whom, and what it keeps.</summary>
public sealed partial class PlaygroundEndpointTests : IAsyncLifetime
{
    private BotFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _bot = new BotFactory().With("Playground:Enabled", "true").With("Playground:MaxActivitiesPerConversation", "10");
        _client = _bot.CreateClient();

        // As the developer does: open the address from the start-up log, which leaves the cookie behind.
        (await _client.GetAsync(new Uri("/?key=" + Uri.EscapeDataString(Secret), UriKind.Relative))).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
    }

    private PlaygroundChannel Channel => _bot.Services.GetRequiredService<PlaygroundChannel>();

    private string Secret => _bot.Services.GetRequiredService<PlaygroundSecret>().Value;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private Task<HttpResponseMessage> RegisterAsync(params string[] names) =>
        _client.PutAsync(
            new Uri("/playground/members", UriKind.Relative),
            JsonContent.Create(new { members = names.Select(n => new { id = n.ToLowerInvariant(), name = n }) }));

    private Task<HttpResponseMessage> ConnectorAsync(HttpMethod method, string path, string? json = null) =>
        _client.SendAsync(new HttpRequestMessage(method, "/playground/connector/v3/conversations" + path) { Content = json is null ? null : Json(json) });

    private static string Message(string text, string from = "playground-bot") =>
        $$"""{"type":"message","from":{"id":"{{from}}","name":"IntervisieBot"},"text":"{{text}}","textFormat":"markdown"}""";

    [Fact]
    public async Task Page_IsServedAtTheRoot_WithItsScriptAndStyles()
    {
        var page = await _client.GetAsync(new Uri("/", UriKind.Relative));
        var script = await _client.GetAsync(new Uri("/playground/playground.js", UriKind.Relative));
        var styles = await _client.GetAsync(new Uri("/playground/playground.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("src=\"/playground/playground.js\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/playground/playground.css\"", html, StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        var code = string.Concat((await PageModulesAsync()).Values);
        Assert.Contains("'/playground/messages'", code, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/messages", code, StringComparison.Ordinal);
        Assert.Equal("text/css", styles.Content.Headers.ContentType?.MediaType);
        Assert.True(page.Headers.CacheControl?.NoCache);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_AskedAgainWithItsETag_IsNotSentAgain()
    {
        var first = await _client.GetAsync(new Uri("/playground/playground.js", UriKind.Relative));
        using var again = new HttpRequestMessage(HttpMethod.Get, "/playground/playground.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var second = await _client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Page_EveryModuleItImports_IsServedAsJavaScript_OnlyWithThisRunsSecret()
    {
        using var stranger = _bot.CreateClient();

        var modules = await PageModulesAsync();

        Assert.Contains("/playground/playground.js", modules.Keys);
        Assert.Contains("/playground/cards.js", modules.Keys);
        Assert.Contains("/playground/events.js", modules.Keys);
        foreach (var path in modules.Keys)
        {
            var module = await _client.GetAsync(new Uri(path, UriKind.Relative));
            var withoutSecret = await stranger.GetAsync(new Uri(path, UriKind.Relative));

            Assert.Equal("text/javascript", module.Content.Headers.ContentType?.MediaType);
            Assert.Contains("script-src 'self'", module.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, withoutSecret.StatusCode);
        }
    }

    /// <summary>The page's script and every module it imports, by path, as the browser loads them (each must answer 200).</summary>
    private async Task<Dictionary<string, string>> PageModulesAsync()
    {
        var modules = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Queue<string>(["/playground/playground.js"]);
        while (pending.TryDequeue(out var path))
        {
            if (modules.ContainsKey(path))
            {
                continue;
            }

            var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{path} answered {response.StatusCode}.");
            var code = await response.Content.ReadAsStringAsync();
            modules[path] = code;
            foreach (Match import in ModuleImport().Matches(code))
            {
                pending.Enqueue("/playground/" + import.Groups["file"].Value);
            }
        }

        return modules;
    }

    [GeneratedRegex(@"^import .* from '\./(?<file>[a-z-]+\.js)';$", RegexOptions.Multiline)]
    private static partial Regex ModuleImport();

    public static TheoryData<string, string> Addresses => new()
    {
        { "GET", "/" },
        { "GET", "/playground/playground.js" },
        { "GET", "/playground/playground.css" },
        { "GET", "/playground/state" },
        { "GET", "/playground/events" },
        { "PUT", "/playground/members" },
        { "POST", "/playground/group-chats" },
        { "POST", "/playground/messages" },
        { "POST", "/playground/connector/v3/conversations" },
        { "GET", "/playground/connector/v3/conversations/{group}/members" },
    };

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, string method, string path, string group, string? bearer = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{group}", group, StringComparison.Ordinal));
        if (method != "GET")
        {
            request.Content = Json("""{"members":[{"id":"eve","name":"Eve"}]}""");
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return client.SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task Playground_WithoutThisRunsSecret_IsNotThere(string method, string path)
    {
        using var stranger = _bot.CreateClient();
        using var wrongKey = _bot.CreateClient();
        await wrongKey.GetAsync(new Uri("/?key=not-the-key", UriKind.Relative));

        var withoutSecret = await AskAsync(stranger, method, path, Channel.GroupConversationId);
        var withWrongKey = await AskAsync(wrongKey, method, path, Channel.GroupConversationId);
        var withWrongBearer = await AskAsync(stranger, method, path, Channel.GroupConversationId, bearer: Secret + "x");

        Assert.Equal(HttpStatusCode.NotFound, withoutSecret.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withWrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withWrongBearer.StatusCode);
        Assert.Empty(Channel.Members);
    }

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task Playground_NotSwitchedOn_IsNotThere_EvenWithItsSecret(string method, string path)
    {
        await using var deployed = new BotFactory();
        using var client = deployed.CreateClient();
        var secret = deployed.Services.GetRequiredService<PlaygroundSecret>().Value;
        await client.GetAsync(new Uri("/?key=" + Uri.EscapeDataString(secret), UriKind.Relative));

        var response = await AskAsync(client, method, path, deployed.Services.GetRequiredService<PlaygroundChannel>().GroupConversationId, bearer: secret);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PageAddressWithTheKey_SetsAStrictHttpOnlyCookie_AndThePageWorksWithoutTheKeyFromThen()
    {
        using var browser = _bot.CreateClient();

        var opened = await browser.GetAsync(new Uri("/?key=" + Uri.EscapeDataString(Secret), UriKind.Relative));
        var again = await browser.GetAsync(new Uri("/", UriKind.Relative));
        var state = await browser.GetAsync(new Uri("/playground/state", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var cookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("intervisiebot-playground=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False(again.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.OK, state.StatusCode);
    }

    [Fact]
    public async Task Playground_AskedFromAnotherMachine_IsNotThere_EvenWithItsSecret()
    {
        await using var remote = new BotFactory().With("Playground:Enabled", "true").FromPeer(IPAddress.Parse("203.0.113.7"));
        using var client = remote.CreateClient();
        var secret = remote.Services.GetRequiredService<PlaygroundSecret>().Value;

        var page = await client.GetAsync(new Uri("/?key=" + Uri.EscapeDataString(secret), UriKind.Relative));
        var state = await AskAsync(client, "GET", "/playground/state", "", bearer: secret);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, state.StatusCode);
    }

    [Fact]
    public async Task Playground_ReachedThroughAProxy_IsNotThere()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/playground/state");
        request.Headers.Add("X-Forwarded-For", "198.51.100.20");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PageOnAnotherHostName_ButWithTheCookie_IsServed_BecauseTheCookieNotTheNameIsTheKey()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/playground/state");
        request.Headers.Host = "bot.example.test";
        request.Headers.Add("Cookie", "intervisiebot-playground=" + Secret);
        using var plain = _bot.Server.CreateClient();

        var response = await plain.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("playground-group-0123456789ab")]
    [InlineData("playground-personal-stranger")]
    [InlineData("19:a8f3c2e1d0b94f7e8c6a5b4d3e2f1a0b@thread.v2")]
    public async Task Connector_ForAConversationThePlaygroundDidNotStart_IsNotFound(string conversationId)
    {
        var post = await ConnectorAsync(HttpMethod.Post, $"/{Uri.EscapeDataString(conversationId)}/activities", Message("hi"));
        var members = await ConnectorAsync(HttpMethod.Get, $"/{Uri.EscapeDataString(conversationId)}/members");

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Contains("ConversationNotFound", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, members.StatusCode);
        Assert.Empty(Channel.Activities(conversationId));
    }

    [Fact]
    public async Task Members_RegisteredByThePage_AreTheGroupChatsMembers_PagedAsTheBotAsks()
    {
        var registered = await RegisterAsync("Anna", "Bram", "Cees");
        var group = Channel.GroupConversationId;

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var all = await (await ConnectorAsync(HttpMethod.Get, $"/{group}/members")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Anna", "Bram", "Cees"], all.EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var first = await (await ConnectorAsync(HttpMethod.Get, $"/{group}/pagedmembers?pageSize=2")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["anna", "bram"], first.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        var token = first.GetProperty("continuationToken").GetString();
        var second = await (await ConnectorAsync(HttpMethod.Get, $"/{group}/pagedmembers?pageSize=2&continuationToken={token}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("cees", Assert.Single(second.GetProperty("members").EnumerateArray()).GetProperty("id").GetString());
        Assert.False(second.TryGetProperty("continuationToken", out _));
    }

    [Theory]
    [InlineData("""{"members":[]}""")]
    [InlineData("""{"members":[{"id":"anna","name":"Anna"},{"id":"anna","name":"Anna again"}]}""")]
    [InlineData("""{"members":[{"id":"not an id!","name":"Anna"}]}""")]
    [InlineData("""{"members":[{"id":"anna","name":"  "}]}""")]
    public async Task Members_ThatCannotBeUsed_AreRefusedWithAReason(string body)
    {
        var response = await _client.PutAsync(new Uri("/playground/members", UriKind.Relative), Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Channel.Members);
    }

    [Fact]
    public async Task PersonalConversation_CreatedForAMember_IsTheirOwnAndHasOnlyThem()
    {
        await RegisterAsync("Anna", "Bram");

        var created = await ConnectorAsync(HttpMethod.Post, "", """{"isGroup":false,"bot":{"id":"playground-bot"},"members":[{"id":"bram"}],"tenantId":"playground"}""");
        var again = await ConnectorAsync(HttpMethod.Post, "", """{"isGroup":false,"bot":{"id":"playground-bot"},"members":[{"id":"bram"}],"tenantId":"playground"}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("playground-personal-bram", body.GetProperty("id").GetString());
        Assert.EndsWith("/playground/connector/", body.GetProperty("serviceUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal("playground-personal-bram", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        var members = await (await ConnectorAsync(HttpMethod.Get, "/playground-personal-bram/members")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bram", Assert.Single(members.EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task PersonalConversation_ForSomeoneThePageNeverRegistered_IsRefusedAsTeamsWould()
    {
        await RegisterAsync("Anna");

        var response = await ConnectorAsync(HttpMethod.Post, "", """{"isGroup":false,"members":[{"id":"stranger"}]}""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("BotNotInConversationRoster", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventStream_StartsWithTheHistory_ThenShowsEveryNewUpdatedAndDeletedMessage()
    {
        await RegisterAsync("Anna");
        var group = Channel.GroupConversationId;
        var earlier = await (await ConnectorAsync(HttpMethod.Post, $"/{group}/activities", Message("Earlier"))).Content.ReadFromJsonAsync<JsonElement>();
        await using var events = await ServerSentEvents.OpenAsync(_client);

        var snapshot = await events.NextAsync();
        var sent = await ConnectorAsync(HttpMethod.Post, $"/{group}/activities/{earlier.GetProperty("id").GetString()}", Message("A reply"));
        var id = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var added = await events.NextAsync(e => e.Type == "activity");
        await ConnectorAsync(HttpMethod.Put, $"/{group}/activities/{id}", Message("A reply, changed"));
        var updated = await events.NextAsync(e => e.Type == "activity");
        await ConnectorAsync(HttpMethod.Delete, $"/{group}/activities/{id}");
        var deleted = await events.NextAsync(e => e.Type == "deleted");

        Assert.Equal("snapshot", snapshot.Type);
        Assert.Equal(group, snapshot.Json.GetProperty("state").GetProperty("groupConversationId").GetString());
        Assert.Equal("Anna", snapshot.Json.GetProperty("state").GetProperty("members")[0].GetProperty("name").GetString());
        var history = Assert.Single(snapshot.Json.GetProperty("conversations").EnumerateArray());
        Assert.Equal("Earlier", Assert.Single(history.GetProperty("activities").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal("A reply", added.Activity.GetProperty("text").GetString());
        Assert.Equal(earlier.GetProperty("id").GetString(), added.Activity.GetProperty("replyToId").GetString());
        Assert.Equal("groupChat", added.Activity.GetProperty("conversation").GetProperty("conversationType").GetString());
        Assert.Equal(id, updated.Activity.GetProperty("id").GetString());
        Assert.Equal("A reply, changed", updated.Activity.GetProperty("text").GetString());
        Assert.Equal(id, deleted.Json.GetProperty("activityId").GetString());
        Assert.Equal(["Earlier"], Channel.Activities(group).Select(a => JsonDocument.Parse(a).RootElement.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Conversation_KeepsOnlyItsLatestActivities()
    {
        var group = Channel.GroupConversationId;

        for (var i = 1; i <= 15; i++)
        {
            await ConnectorAsync(HttpMethod.Post, $"/{group}/activities", Message($"Message {i}"));
        }

        var kept = Channel.Activities(group).Select(a => JsonDocument.Parse(a).RootElement.GetProperty("text").GetString()).ToList();
        Assert.Equal(10, kept.Count);
        Assert.Equal("Message 6", kept[0]);
        Assert.Equal("Message 15", kept[^1]);
    }

    [Fact]
    public async Task Update_OfAnActivityTheConversationDoesNotHold_IsNotFound()
    {
        var response = await ConnectorAsync(HttpMethod.Put, $"/{Channel.GroupConversationId}/activities/12345", Message("Changed"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Activity_LargerThanTeamsAccepts_IsRefusedAsTooLarge()
    {
        var huge = Message(new string('x', 40 * 1024));

        var response = await ConnectorAsync(HttpMethod.Post, $"/{Channel.GroupConversationId}/activities", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("MessageSizeTooBig", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewGroupChat_HasANewIdForEveryPage()
    {
        var before = Channel.GroupConversationId;
        await using var events = await ServerSentEvents.OpenAsync(_client);
        await events.NextAsync();

        var response = await _client.PostAsync(new Uri("/playground/group-chats", UriKind.Relative), null);
        var state = await events.NextAsync(e => e.Type == "state");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var after = state.Json.GetProperty("groupConversationId").GetString();
        Assert.NotEqual(before, after);
        Assert.StartsWith(PlaygroundChannel.GroupConversationPrefix, after, StringComparison.Ordinal);
    }
}
