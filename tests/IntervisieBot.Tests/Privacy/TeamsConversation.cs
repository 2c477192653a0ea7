using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntervisieBot.Channels.BotFramework.Tests.Connector;
using IntervisieBot.Dialogs;
using IntervisieBot.Tests.BotFramework;
using IntervisieBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.Privacy;

/// <summary>A Teams group chat (and its members' personal chats) driven over HTTP, as Teams sends activities.</summary>
public sealed class TeamsConversation(BotFactory bot, HttpClient client, FakeConnectorServer connector, string groupChatId)
{
    public static readonly string[] Names = ["Anna", "Bram", "Cees", "Dewi", "Eva"];

    public string GroupChatId { get; } = groupChatId;

    public static string Id(string name) => "29:1" + name + "-teams-user-id";

    public void HasMembers() => connector.SetMembers(GroupChatId, [.. Names.Select(n => new Channels.BotFramework.Schema.ChannelAccount(Id(n), n))]);

    public async Task GroupAsync(string who, string text)
    {
        var activity = JsonNode.Parse(TeamsFixture.Load("groupchat-message-with-mention", connector.ServiceUrl))!;
        activity["text"] = "<at>IntervisieBot</at> " + text;
        activity["from"] = new JsonObject { ["id"] = Id(who), ["name"] = who };
        activity["conversation"]!["id"] = GroupChatId;
        activity["id"] = Guid.NewGuid().ToString("N");
        await PostAsync(activity.ToJsonString());
    }

    public async Task PrivateAsync(string who, string text)
    {
        var activity = JsonNode.Parse(TeamsFixture.Load("personal-message", connector.ServiceUrl))!;
        activity["text"] = text;
        activity["from"] = new JsonObject { ["id"] = Id(who), ["name"] = who };
        activity["conversation"]!["id"] = "a:personal-" + who;
        activity["locale"] = "nl-NL";
        await PostAsync(activity.ToJsonString());
    }

    /// <summary>Presses the button titled <paramref name="title"/> of the bot's last card here; returns the card that replaces it.</summary>
    public async Task<string> PressAsync(string who, string title)
    {
        var posted = connector.Delivered.Last(r => r.ConversationId == GroupChatId && r.Method == "POST" && r.Body.Contains(title, StringComparison.Ordinal));
        var data = JsonNode.Parse(posted.Body)!["attachments"]![0]!["content"]!["actions"]!.AsArray()
            .Single(a => a!["title"]!.GetValue<string>() == title)!["data"]!.DeepClone();
        return await InvokeAsync(who, data, "activity-" + posted.Sequence);
    }

    /// <summary>Presses the button titled <paramref name="title"/> of a card the bot gave as an invoke's answer.</summary>
    public async Task<string> PressInAnswerAsync(string who, string answeredCard, string title, string cardId)
    {
        var data = JsonNode.Parse(answeredCard)!["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == title)!["data"]!.DeepClone();
        return await InvokeAsync(who, data, cardId);
    }

    public string LastGroupText() => connector.Delivered.Last(r => r.ConversationId == GroupChatId && r.Method == "POST").Body;

    /// <summary>Anna brings the case, Bram facilitates; contributions and the harvest contain <paramref name="secret"/>.</summary>
    public async Task RunIncidentSessionAsync(string secret)
    {
        await GroupAsync("Anna", "start incidentmethode");
        await GroupAsync("Cees", "Anna");
        await GroupAsync("Cees", "Bram");
        await GroupAsync("Cees", "iedereen");
        await GroupAsync("Bram", "volgende");
        foreach (var speaker in Names.Skip(1))
        {
            await GroupAsync(speaker, "klaar");
        }

        await GroupAsync("Bram", "volgende");
        foreach (var member in Names.Skip(1))
        {
            await PrivateAsync(member, $"{secret} {member} zag spanning");
            await PrivateAsync(member, $"{secret} {member} hoorde twijfel");
        }

        await GroupAsync("Bram", "volgende");
        await GroupAsync("Bram", "volgende");
        await GroupAsync("Anna", $"{secret} ik neem mee dat ik te snel ja zeg");
        // The last takeaway in the method's harvest step counts: it is the record's insight and action, and the close
        // goes straight to the rating.
        await GroupAsync("Anna", $"{secret} mijn actie");
        await GroupAsync("Bram", "volgende");
        await GroupAsync("Cees", "8");
        await GroupAsync("Bram", "volgende");
    }

    /// <summary>A second session that stops in its collect step, after Cees sent one contribution.</summary>
    public async Task StartUntilCollectingAsync(string secret)
    {
        await GroupAsync("Anna", "start incidentmethode");
        await GroupAsync("Anna", "Dewi");
        await GroupAsync("Anna", "Bram");
        await GroupAsync("Anna", "iedereen");
        await GroupAsync("Bram", "volgende");
        foreach (var speaker in Names.Where(n => n != "Dewi"))
        {
            await GroupAsync(speaker, "klaar");
        }

        await GroupAsync("Bram", "volgende");
        await PrivateAsync("Cees", $"{secret} Cees vraagt door");
    }

    private async Task<string> InvokeAsync(string who, JsonNode data, string cardId)
    {
        var invoke = JsonNode.Parse(TeamsFixture.Load("adaptive-card-action-invoke", connector.ServiceUrl))!;
        invoke["from"] = new JsonObject { ["id"] = Id(who), ["name"] = who };
        invoke["conversation"]!["id"] = GroupChatId;
        invoke["replyToId"] = cardId;
        invoke["locale"] = "nl-NL";
        invoke["value"]!["action"]!["data"] = data;
        using var response = await TeamsFixture.PostAsync(client, invoke.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("value").GetRawText();
    }

    private async Task PostAsync(string json)
    {
        using var response = await TeamsFixture.PostAsync(client, json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await bot.Services.GetRequiredService<ConversationWorkQueue>().WhenIdleAsync();
    }
}
