using System.Net;
using System.Text.Json.Nodes;
using IntervisieBot.Channels.BotFramework.Tests.Connector;

namespace IntervisieBot.Tests.BotFramework;

/// <summary>
/// The "Zo versturen" button of a held why-question belongs to its writer: a forged press of it, as a Teams
/// <c>adaptiveCard/action</c> invoke from someone else's personal chat, sends and reveals nothing and tells the presser why.
/// </summary>
public sealed class ForgedSendAsIsOverHttpTests : IAsyncLifetime
{
    private const string Why = "Waarom zei je meteen ja?";
    private TeamsGroupChat _chat = null!;

    public async Task InitializeAsync() => _chat = await TeamsGroupChat.StartAsync();

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    private FakeConnectorServer Connector => _chat.Connector;

    [Theory]
    [InlineData("Zara")] // a member of another group, not in this one
    [InlineData("Dewi")] // in this group, but not the writer of the question
    public async Task AForgedSendAsIsPress_SendsAndRevealsNothing_AndThePresserIsTold(string presser)
    {
        await StartAtTheQuestionsAsync();
        await _chat.PrivateAsync("Cees", Why);
        var held = Connector.Delivered.Last(r => r.Body.Contains("Zo versturen", StringComparison.Ordinal));
        var send = ButtonData(held, "Zo versturen");
        var before = Connector.Requests.Count;

        using var response = await InvokeAsync(presser, send);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var said = Connector.Requests.Skip(before).ToList();
        Assert.DoesNotContain(said, r => r.ConversationId == TeamsFixture.GroupChatId);
        Assert.DoesNotContain(said, r => r.Body.Contains(Why, StringComparison.Ordinal) || r.Body.Contains("Ontvangen", StringComparison.Ordinal));
        Assert.Equal(
            presser == "Zara"
                ? "Dat is al afgelopen; er loopt nu niets meer."
                : "Er wacht geen vraag van jou op versturen, dus er is niets verstuurd. Een vraag stuur je hier als gewoon bericht.",
            await ToldAsync(presser, response, said));

        // Cees's question still waits for Cees: his own press sends it, and nothing reached the group before that.
        using var own = await InvokeAsync("Cees", send);
        Assert.Contains(Connector.Delivered, r => r.ConversationId == TeamsGroupChat.PersonalChat("Cees") && r.Body.Contains("Ontvangen (1 van 2).", StringComparison.Ordinal));
        Assert.DoesNotContain(Connector.Delivered, r => r.ConversationId == TeamsFixture.GroupChatId && r.Body.Contains(Why, StringComparison.Ordinal));
    }

    /// <summary>Vijf stappen with everyone there, on to step 4, where each participant sends two questions privately.</summary>
    private async Task StartAtTheQuestionsAsync()
    {
        await _chat.GroupAsync("Anna", "start vijf stappen");
        await _chat.GroupAsync("Anna", "Anna");
        await _chat.GroupAsync("Anna", "Bram");
        await _chat.GroupAsync("Anna", "iedereen");
        for (var i = 0; i < 3; i++)
        {
            await _chat.GroupAsync("Bram", "volgende");
        }
    }

    /// <summary>
    /// What the presser alone was told: the one message the bot sent to the presser's personal chat, or else the invoke's
    /// answer (Teams shows it to the presser alone).
    /// </summary>
    private static async Task<string> ToldAsync(string presser, HttpResponseMessage response, List<RecordedRequest> said)
    {
        if (said.Count > 0)
        {
            var answer = Assert.Single(said);
            Assert.Equal(TeamsGroupChat.PersonalChat(presser), answer.ConversationId);
            return answer.Activity!.Text!;
        }

        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!.GetValue<string>();
    }

    /// <summary>The data of the button <paramref name="title"/> on the card the bot sent in <paramref name="request"/>.</summary>
    private static JsonNode ButtonData(RecordedRequest request, string title)
    {
        var card = JsonNode.Parse(request.Activity!.Attachments!.Single().Content!.Value.GetRawText())!;
        return card["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == title)!["data"]!.DeepClone();
    }

    /// <summary><paramref name="who"/> presses a button with <paramref name="data"/> in their personal chat with the bot: an <c>adaptiveCard/action</c> invoke.</summary>
    private Task<HttpResponseMessage> InvokeAsync(string who, JsonNode data)
    {
        var activity = _chat.Personal("adaptive-card-action-invoke", who);
        activity["value"]!["action"]!["data"] = data.DeepClone();
        activity["value"]!["action"]!["verb"] = "";
        return _chat.PostAsync(activity);
    }
}
