using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntervisieBot.Channels.BotFramework.Tests.Connector;
using IntervisieBot.Tests.BotFramework;

namespace IntervisieBot.Tests.Live;

/// <summary>
/// Live cards and answers to the presser alone in Teams, over HTTP against a fake connector: a live card is posted once
/// and then replaced with <c>PUT …/activities/{id}</c>, and a refused press is answered in the invoke's answer.
/// </summary>
public sealed class LiveMessagesInTeamsTests : IAsyncLifetime
{
    private TeamsGroupChat _chat = null!;

    public async Task InitializeAsync() => _chat = await TeamsGroupChat.StartAsync(LiveTestCard.AddTo);

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    private FakeConnectorServer Connector => _chat.Connector;

    [Fact]
    public async Task LiveCard_IsPostedOnce_ThenReplacedInPlaceWithPut()
    {
        await SubmitAsync("show", "Stap 1 van 5");
        var posted = Assert.Single(Connector.Delivered);
        var id = Id(posted);

        await SubmitAsync("show", "Stap 2 van 5");
        await SubmitAsync("show", "Stap 3 van 5");

        var updates = Connector.Delivered.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(2, updates.Count);
        Assert.All(updates, u => Assert.Equal((TeamsFixture.GroupChatId, id), (u.ConversationId, u.ActivityId)));
        Assert.Contains("Stap 3 van 5", CardText(updates[^1]), StringComparison.Ordinal);
        Assert.Single(Connector.Delivered, r => r.Method == "POST");
    }

    [Fact]
    public async Task LiveCard_DeletedInTeams_IsPostedAnew_AndTheNewOneIsUpdatedAfter()
    {
        await SubmitAsync("show", "Stap 1 van 5");
        var first = Id(Connector.Delivered.Single());
        Connector.Script(FakeAnswer.Error(404, "NotFound"), r => r.Method == "PUT");

        await SubmitAsync("show", "Stap 2 van 5");
        await SubmitAsync("show", "Stap 3 van 5");

        var posts = Connector.Delivered.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        var second = Id(posts[1]);
        Assert.NotEqual(first, second);
        Assert.Contains("Stap 2 van 5", CardText(posts[1]), StringComparison.Ordinal);
        var update = Assert.Single(Connector.Delivered, r => r.Method == "PUT");
        Assert.Equal(second, update.ActivityId);
    }

    [Fact]
    public async Task LiveCard_Ended_LosesItsButtons_AndTheNextOneIsANewCard()
    {
        await SubmitAsync("show", "Stap 5 van 5");
        var id = Id(Connector.Delivered.Single());

        await SubmitAsync("end", "Afgerond");
        await SubmitAsync("show", "Tweede casus");

        var end = Assert.Single(Connector.Delivered, r => r.Method == "PUT");
        Assert.Equal(id, end.ActivityId);
        Assert.DoesNotContain("\"actions\"", CardText(end), StringComparison.Ordinal);
        Assert.Equal(2, Connector.Delivered.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task PressOnTheLiveCard_IsAnsweredWithTheUpdatedCard_InTheInvokeAnswer()
    {
        await SubmitAsync("show", "Stap 1 van 5");
        var id = Id(Connector.Delivered.Single());

        using var response = await InvokeAsync("show", "Stap 2 van 5", replyToId: id);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.RootElement.GetProperty("type").GetString());
        Assert.Contains("Stap 2 van 5", body.RootElement.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Connector.Delivered, r => r.Method == "PUT");
        Assert.Single(Connector.Delivered);
    }

    [Fact]
    public async Task RefusedPress_InAnInvoke_IsAnsweredToThePresserAlone()
    {
        using var response = await InvokeAsync("stale", "Deze knop hoort bij een eerdere stap.", replyToId: "1763802000999");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("Deze knop hoort bij een eerdere stap.", body.RootElement.GetProperty("value").GetString());
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task RefusedPress_ThatAlsoTakesTheButtonsOffThePressedCard_AnswersThePresser_AndPutsTheCard()
    {
        using var response = await InvokeAsync("refuse", "Stap 2 is voorbij", replyToId: "1763802000999");

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.microsoft.activity.message", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(LiveTestCard.Refusal, body.RootElement.GetProperty("value").GetString());
        var update = Assert.Single(Connector.Delivered);
        Assert.Equal(("PUT", "1763802000999"), (update.Method, update.ActivityId));
        Assert.Contains("Stap 2 is voorbij", CardText(update), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedPress_OfAnActionSubmit_GoesToThePressersPersonalChat_NeverTheGroup()
    {
        await SubmitAsync("stale", "Deze knop hoort bij een eerdere stap.");

        Assert.DoesNotContain(Connector.Delivered, r => r.ConversationId == TeamsFixture.GroupChatId);
        var opened = Assert.Single(Connector.Delivered, r => r.Resource == "conversations");
        Assert.Contains("29:1BramJansen-teams-user-id", opened.Body, StringComparison.Ordinal);
        var answer = Assert.Single(Connector.Delivered, r => r.Resource == "activities");
        Assert.StartsWith("a:personal-", answer.ConversationId, StringComparison.Ordinal);
        Assert.Equal("Deze knop hoort bij een eerdere stap.", answer.Activity!.Text);
    }

    private static string Id(RecordedRequest posted) => "activity-" + posted.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string CardText(RecordedRequest request) => request.Activity!.Attachments!.Single().Content!.Value.GetRawText();

    /// <summary>Bram presses a button of the test card as an <c>Action.Submit</c>: a message activity with the values.</summary>
    private async Task SubmitAsync(string action, string text)
    {
        var activity = JsonNode.Parse(TeamsFixture.Load("action-submit-message", Connector.ServiceUrl))!;
        activity["id"] = Guid.NewGuid().ToString("N");
        activity["value"] = Values(action, text);
        using var response = await _chat.PostAsync(activity);
    }

    /// <summary>Cees presses a button of the test card as an <c>Action.Execute</c>: an <c>adaptiveCard/action</c> invoke.</summary>
    private Task<HttpResponseMessage> InvokeAsync(string action, string text, string replyToId)
    {
        var activity = JsonNode.Parse(TeamsFixture.Load("adaptive-card-action-invoke", Connector.ServiceUrl))!;
        activity["replyToId"] = replyToId;
        activity["value"]!["action"]!["data"] = Values(action, text);
        return _chat.PostAsync(activity);
    }

    private static JsonObject Values(string action, string text) =>
        new(LiveTestCard.Press(action, text).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));
}
