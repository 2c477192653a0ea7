using System.Net;
using System.Text.Json.Nodes;
using IntervisieBot.Channels.Slack.Tests.Fakes;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.Slack;

/// <summary>
/// Five members run the Incidentmethode in a Slack channel from start to record, every turn over HTTP as Slack sends
/// it (signed events, mentions of the bot), with the private contributions in their direct messages with the bot.
/// </summary>
public sealed class IncidentSessionInSlackTests : IAsyncLifetime
{
    private const string Channel = SlackChannelChat.Channel;
    private static readonly string[] Names = SlackChannelChat.Names;
    private SlackChannelChat _chat = null!;

    public async Task InitializeAsync() => _chat = await SlackChannelChat.StartAsync();

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    private static string Id(string name) => SlackChannelChat.Id(name);

    private static string Dm(string name) => SlackChannelChat.Dm(name);

    private Task GroupAsync(string who, string text) => _chat.GroupAsync(who, text);

    private Task PrivateAsync(string who, string text) => _chat.PrivateAsync(who, text);

    private Task InteractAsync(JsonObject payload) => _chat.InteractAsync(payload);

    private string LastGroupMessage() => _chat.Slack.MessagesIn(Channel)[^1].ToJsonString();

    /// <summary>Presses the button whose title starts with <paramref name="title"/> on the last message in <paramref name="channel"/> that has it.</summary>
    private async Task PressAsync(string who, string channel, string title)
    {
        var message = _chat.Slack.MessagesIn(channel).Last(m => Buttons(m).Any(b => b!["text"]!["text"]!.GetValue<string>().StartsWith(title, StringComparison.Ordinal)));
        var button = Buttons(message).First(b => b!["text"]!["text"]!.GetValue<string>().StartsWith(title, StringComparison.Ordinal))!.AsObject();
        await InteractAsync(SlackRequests.ButtonPress(Id(who), channel, message["ts"]!.GetValue<string>(), SlackRequests.Pressed(button)));
    }

    /// <summary>The Incidentmethode with everyone there: Anna brings the case, Bram facilitates.</summary>
    private async Task StartIncidentAsync()
    {
        await GroupAsync("Anna", "start incidentmethode");
        await GroupAsync("Cees", "Anna");
        await GroupAsync("Cees", "Bram");
        await GroupAsync("Cees", "iedereen");
    }

    /// <summary>The channel's message <paramref name="ts"/> as it is now (after updates).</summary>
    private JsonObject Message(string ts) => _chat.Slack.MessagesIn(Channel).Single(m => m["ts"]!.GetValue<string>() == ts);

    /// <summary>Presses the button whose title starts with <paramref name="title"/> on <paramref name="message"/> (as it is, or as a member's client still shows it).</summary>
    private Task PressOnAsync(string who, JsonObject message, string title)
    {
        var button = Buttons(message).First(b => b!["text"]!["text"]!.GetValue<string>().StartsWith(title, StringComparison.Ordinal))!.AsObject();
        return InteractAsync(SlackRequests.ButtonPress(Id(who), Channel, message["ts"]!.GetValue<string>(), SlackRequests.Pressed(button)));
    }

    private static IEnumerable<JsonNode?> Buttons(JsonObject message) =>
        message["blocks"]?.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions").SelectMany(b => b!["elements"]!.AsArray()) ?? [];

    /// <summary>Fills in the modal the last views.open showed, as a member types in it, and submits it.</summary>
    private async Task SubmitModalAsync(string who, Dictionary<string, string> typed)
    {
        var view = _chat.Slack.Succeeded.Last(c => c.Method == "views.open").Body["view"]!.AsObject();
        var state = new JsonObject();
        foreach (var block in view["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "input"))
        {
            var element = block!["element"]!;
            var id = block["block_id"]!.GetValue<string>();
            if (!typed.TryGetValue(id["input:".Length..], out var value))
            {
                continue;
            }

            state[id] = new JsonObject
            {
                [element["action_id"]!.GetValue<string>()] = element["type"]!.GetValue<string>() == "static_select"
                    ? new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = value } }
                    : new JsonObject { ["type"] = element["type"]!.GetValue<string>(), ["value"] = value },
            };
        }

        await InteractAsync(SlackRequests.ViewSubmission(Id(who), view, state));
    }

    [Fact]
    public async Task FiveMembersRunTheIncidentMethod_FromStartToRecord()
    {
        await GroupAsync("Anna", "start incidentmethode");
        Assert.Contains("Wie brengt vandaag de casus in?", LastGroupMessage(), StringComparison.Ordinal);
        await GroupAsync("Cees", "Anna");
        await GroupAsync("Cees", "Bram");
        Assert.Contains("Wie is er verder bij?", LastGroupMessage(), StringComparison.Ordinal);
        await GroupAsync("Cees", "iedereen");
        Assert.Contains("Stap 1 van 5", LastGroupMessage(), StringComparison.Ordinal);

        await GroupAsync("Bram", "volgende");
        foreach (var speaker in new[] { "Bram", "Cees", "Dewi", "Eva" })
        {
            await GroupAsync(speaker, "klaar");
        }

        await GroupAsync("Bram", "volgende");
        Assert.Equal(4, _chat.Slack.Succeeded.Count(c => c.Method == "conversations.open"));
        foreach (var member in new[] { "Bram", "Cees", "Dewi", "Eva" })
        {
            Assert.NotEmpty(_chat.Slack.MessagesIn("D" + Id(member)));
            await PrivateAsync(member, $"{member} zag spanning");
            await PrivateAsync(member, $"{member} hoorde twijfel");
        }

        Assert.Empty(_chat.Slack.MessagesIn("D" + Id("Anna")));
        await GroupAsync("Bram", "volgende");
        Assert.Contains(_chat.Slack.MessagesIn(Channel), m => m.ToJsonString().Contains("Dewi hoorde twijfel (Dewi)", StringComparison.Ordinal));

        await GroupAsync("Bram", "volgende");
        await GroupAsync("Anna", "Ik vermijd spanning.");
        await GroupAsync("Anna", "Ik bespreek het deze week met mijn teamleider.");
        // The last takeaway in the method's harvest step is the insight and the action, so the close goes straight to
        // the rating.
        await GroupAsync("Bram", "volgende");
        await GroupAsync("Cees", "8");
        await GroupAsync("Bram", "volgende");

        Assert.Contains("Ik bespreek het deze week met mijn teamleider.", _chat.Slack.MessagesIn(Channel)[^2].ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Tweede casus", LastGroupMessage(), StringComparison.Ordinal);
        await GroupAsync("Eva", "verslag");
        Assert.Contains("Verslag: Incidentmethode", LastGroupMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(_chat.Slack.Calls, c => !c.Ok);
    }

    [Fact]
    public async Task FiveMembersRunTheIncidentMethod_WithTheCaseAnnaPreparedInAModal_SharedOnlyByHer()
    {
        // The group was set up before (its roster is what "casus" looks at); its first meeting is Anna's turn.
        var group = new ConversationAddress("slack", "slack", Channel, ConversationScope.Channel, FakeSlackApi.TeamId);
        await _chat.Bot.Services.GetRequiredService<GroupStore>().SaveAsync(group, Group.Create(
            new GroupSettings { Name = "Team Noord", Language = Language.Dutch, Cadence = Cadence.EveryWeeks(4, DayOfWeek.Tuesday), FirstMeeting = new DateOnly(2027, 1, 12), StartTime = new TimeOnly(19, 30) },
            Names.Select(n => new Member(Id(n), n))));

        // Anna prepares her case in her direct message with the bot: the form opens as a modal.
        await PrivateAsync("Anna", "casus");
        Assert.Contains("Je casus voor *Team Noord*", _chat.Slack.MessagesIn(Dm("Anna"))[^1].ToJsonString(), StringComparison.Ordinal);
        await PressAsync("Anna", Dm("Anna"), "Formulier");
        await PressAsync("Anna", Dm("Anna"), "Opslaan");
        var modal = _chat.Slack.Succeeded.Last(c => c.Method == "views.open").Body["view"]!.ToJsonString();
        Assert.Contains("als een filmpje", modal, StringComparison.Ordinal);
        Assert.Contains("hittepunt", modal, StringComparison.Ordinal);
        Assert.Contains("Alleen voor de Socratische methode: de algemene vraag achter je casus", modal, StringComparison.Ordinal);
        await SubmitModalAsync("Anna", new Dictionary<string, string>
        {
            ["title"] = "Onderbroken in het overleg",
            ["situation"] = "Dinsdag onderbrak Joris mij drie keer in het teamoverleg.",
            ["question"] = "Mijn vraag is: hoe kan ik rustig mijn grens aangeven?",
            ["tried"] = "Geheim geprobeerd: een mail aan Joris.",
            ["hotSpot"] = "Toen Joris zei: laat mij het maar uitleggen.",
            ["method"] = "incident",
        });
        Assert.Contains("Is het je eigen vraag?", _chat.Slack.MessagesIn(Dm("Anna"))[^1].ToJsonString(), StringComparison.Ordinal);
        foreach (var answer in new[] { "ja", "ja", "ja", "1" })
        {
            await PrivateAsync("Anna", answer);
        }

        Assert.Contains("Je casus staat klaar", _chat.Slack.MessagesIn(Dm("Anna"))[^1].ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_chat.Slack.MessagesIn(Channel), m => m.ToJsonString().Contains("Joris", StringComparison.Ordinal));

        // The session offers her method first and proposes her as the case owner.
        await GroupAsync("Anna", "start");
        var first = Buttons(_chat.Slack.MessagesIn(Channel)[^1]).First()!["text"]!["text"]!.GetValue<string>();
        Assert.Equal("Incidentmethode (45–60 min) · aanbevolen", first);
        await GroupAsync("Cees", "1");
        Assert.Contains("Anna (aan de beurt)", LastGroupMessage(), StringComparison.Ordinal);
        await GroupAsync("Cees", "Anna");
        await GroupAsync("Cees", "Bram");
        await GroupAsync("Cees", "iedereen");
        // On the host's clock this is not the evening of the first meeting: the group says the session is that meeting.
        if (LastGroupMessage().Contains("Hoort deze sessie bij de bijeenkomst van", StringComparison.Ordinal))
        {
            await GroupAsync("Cees", "ja");
        }

        Assert.Contains(_chat.Slack.MessagesIn(Channel), m => m.ToJsonString().Contains("Anna* heeft een casus voorbereid", StringComparison.Ordinal));

        await PressAsync("Cees", Channel, "Deel mijn casus");
        Assert.Contains("Alleen Anna kan de eigen casus delen.", LastGroupMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(_chat.Slack.MessagesIn(Channel), m => m.ToJsonString().Contains("Joris", StringComparison.Ordinal));
        await PressAsync("Anna", Channel, "Deel mijn casus");
        var shared = LastGroupMessage();
        Assert.Contains("Casus van Anna: Onderbroken in het overleg", shared, StringComparison.Ordinal);
        Assert.Contains("Dinsdag onderbrak Joris mij drie keer in het teamoverleg.", shared, StringComparison.Ordinal);
        Assert.Contains("Toen Joris zei: laat mij het maar uitleggen.", shared, StringComparison.Ordinal);
        Assert.DoesNotContain(_chat.Slack.MessagesIn(Channel), m => m.ToJsonString().Contains("Geheim geprobeerd", StringComparison.Ordinal));

        // The method's steps, as in the session without a case.
        await GroupAsync("Bram", "volgende");
        foreach (var speaker in new[] { "Bram", "Cees", "Dewi", "Eva" })
        {
            await GroupAsync(speaker, "klaar");
        }

        await GroupAsync("Bram", "volgende");
        foreach (var member in new[] { "Bram", "Cees", "Dewi", "Eva" })
        {
            await PrivateAsync(member, $"{member} zag spanning");
            await PrivateAsync(member, $"{member} hoorde twijfel");
        }

        await GroupAsync("Bram", "volgende");
        await GroupAsync("Bram", "volgende");
        await GroupAsync("Anna", "Ik vermijd spanning.");
        await GroupAsync("Bram", "volgende");
        await GroupAsync("Anna", "Ik zeg te snel ja.");
        await GroupAsync("Anna", "Ik bespreek het deze week met Joris.");
        await GroupAsync("Cees", "8");
        await GroupAsync("Bram", "volgende");

        Assert.Contains(_chat.Slack.MessagesIn(Channel), m => m.ToJsonString().Contains("Verslag: Incidentmethode", StringComparison.Ordinal));
        // At the close Anna alone is asked, in her direct message, whether to keep the case text.
        Assert.Contains("Wil je de tekst van je casus *Onderbroken in het overleg* bewaren?", _chat.Slack.MessagesIn(Dm("Anna"))[^1].ToJsonString(), StringComparison.Ordinal);
        await PressAsync("Anna", Dm("Anna"), "Nu wissen");
        Assert.Contains("Je casustekst is gewist.", _chat.Slack.MessagesIn(Dm("Anna"))[^1].ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_chat.Slack.Calls, c => !c.Ok);
    }

    [Fact]
    public async Task FiveMembersRunTheIncidentMethod_OnOneSessionCard_UpdatedWithChatUpdate_AndAStalePressAnswersOnlyThePresser()
    {
        await StartIncidentAsync();
        var posted = Assert.Single(_chat.Slack.Succeeded, c => c.Method == "chat.postMessage" && c.Shown.Contains("Stap 1 van 5", StringComparison.Ordinal));
        var live = posted.Answer["ts"]!.GetValue<string>();
        var stepOneCard = Message(live).DeepClone().AsObject();

        // Step 1 moves on with the card's own button, over the interactivity endpoint: the card changes in place.
        await PressOnAsync("Bram", Message(live), "Volgende stap");
        Assert.Contains("Stap 2 van 5", Message(live).ToJsonString(), StringComparison.Ordinal);

        // Cees presses "next" on the card as it was at step 1 (a client that had not refreshed): nothing changes in the
        // channel, and only Cees hears why.
        var channelBefore = _chat.Slack.MessagesIn(Channel).Select(m => m.ToJsonString()).ToList();
        var callsBefore = _chat.Slack.Calls.Count;
        await PressOnAsync("Cees", stepOneCard, "Volgende stap");
        var answer = Assert.Single(_chat.Slack.Calls.Skip(callsBefore));
        Assert.Equal(("chat.postEphemeral", Channel, Id("Cees")), (answer.Method, answer.String("channel"), answer.String("user")));
        Assert.StartsWith("Die knop hoort bij een eerder bericht", answer.String("text"), StringComparison.Ordinal);
        Assert.Equal(channelBefore, _chat.Slack.MessagesIn(Channel).Select(m => m.ToJsonString()));

        foreach (var speaker in new[] { "Bram", "Cees", "Dewi", "Eva" })
        {
            await GroupAsync(speaker, "klaar");
        }

        // A pause: its card loses its "resume" button once pressed.
        await PressOnAsync("Bram", Message(live), "Pauze");
        var pause = _chat.Slack.MessagesIn(Channel)[^1];
        await PressOnAsync("Anna", pause, "Verder");
        Assert.Empty(Buttons(Message(pause["ts"]!.GetValue<string>())));

        await GroupAsync("Bram", "volgende");
        foreach (var member in new[] { "Bram", "Cees", "Dewi", "Eva" })
        {
            await PrivateAsync(member, $"{member} zag spanning");
            await PrivateAsync(member, $"{member} hoorde twijfel");
        }

        Assert.Contains(_chat.Slack.MessagesIn(Channel), m => m.ToJsonString().Contains("Dewi hoorde twijfel (Dewi)", StringComparison.Ordinal));
        await GroupAsync("Bram", "volgende");
        await GroupAsync("Bram", "volgende");
        await GroupAsync("Anna", "Ik vermijd spanning.");
        await GroupAsync("Anna", "Ik bespreek het deze week met mijn teamleider.");
        await GroupAsync("Bram", "volgende");
        var rating = _chat.Slack.MessagesIn(Channel)[^1];
        await GroupAsync("Cees", "8");
        await GroupAsync("Bram", "volgende");
        Assert.Contains("Tweede casus", LastGroupMessage(), StringComparison.Ordinal);

        // The session card was posted once and then only changed in place; at the end it says the steps are done,
        // without buttons, as does the rating card.
        var posts = _chat.Slack.Succeeded.Where(c => c.Method == "chat.postMessage" && c.String("channel") == Channel).ToList();
        var updates = _chat.Slack.Succeeded.Where(c => c.Method == "chat.update" && c.String("ts") == live).ToList();
        Assert.Single(posts, c => c.Shown.Contains("Incidentmethode", StringComparison.Ordinal) && c.Shown.Contains(" van 5", StringComparison.Ordinal) && c.Answer["ts"]!.GetValue<string>() == live);
        Assert.True(updates.Count >= 5, $"{updates.Count} updates of the session card");
        Assert.Contains("Alle stappen zijn gedaan", Message(live).ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(Buttons(Message(live)));
        Assert.Empty(Buttons(Message(rating["ts"]!.GetValue<string>())));
        Assert.Single(_chat.Slack.Succeeded, c => c.Method == "chat.postEphemeral");
        Assert.DoesNotContain(_chat.Slack.Calls, c => !c.Ok);
        Assert.True(posts.Count < 20, $"{posts.Count} channel messages");
        Console.WriteLine($"Incidentmethode in Slack, five members: {posts.Count} channel messages (chat.postMessage), {updates.Count} chat.update of the session card, {_chat.Slack.Succeeded.Count(c => c.Method == "chat.update")} chat.update in all");
    }

    [Fact]
    public async Task CarryOnWithTheSession_PostsTheSessionCardAnewBelow_AndLaterChangesGoThere()
    {
        await StartIncidentAsync();
        await GroupAsync("Bram", "volgende");
        var old = _chat.Slack.Succeeded.Single(c => c.Method == "chat.postMessage" && c.Shown.Contains("Stap 1 van 5", StringComparison.Ordinal)).Answer["ts"]!.GetValue<string>();
        await GroupAsync("Dewi", "start");

        await PressAsync("Dewi", Channel, "Verder met de sessie");

        Assert.Contains("De sessie gaat verder in het bericht onderaan de chat.", Message(old).ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(Buttons(Message(old)));
        var shown = _chat.Slack.MessagesIn(Channel)[^1];
        var moved = shown["ts"]!.GetValue<string>();
        Assert.NotEqual(old, moved);
        Assert.Contains("Stap 2 van 5", shown.ToJsonString(), StringComparison.Ordinal);

        var updatesBefore = _chat.Slack.Succeeded.Count(c => c.Method == "chat.update");
        await GroupAsync("Bram", "klaar");
        var update = Assert.Single(_chat.Slack.Succeeded.Where(c => c.Method == "chat.update").Skip(updatesBefore));
        Assert.Equal(moved, update.String("ts"));
        Assert.Contains("Cees, jij hebt het woord.", Message(moved).ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(moved, _chat.Slack.MessagesIn(Channel)[^1]["ts"]!.GetValue<string>());
    }

    [Fact]
    public async Task ThePressOfACardButton_AnswersTheQuestion_AndTheCardLosesItsButtons()
    {
        await GroupAsync("Anna", "start incidentmethode");
        var question = _chat.Slack.MessagesIn(Channel)[^1];
        var buttons = question["blocks"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]!.AsArray();
        var anna = buttons.Single(b => b!["text"]!["text"]!.GetValue<string>() == "Anna")!.AsObject();

        using var request = SlackRequests.Interaction(
            SlackRequests.ButtonPress(Id("Cees"), Channel, question["ts"]!.GetValue<string>(), SlackRequests.Pressed(anna)), TimeProvider.System.GetUtcNow());
        using var response = await _chat.Client.SendAsync(request);
        await _chat.Bot.Services.GetRequiredService<ConversationWorkQueue>().WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answered = _chat.Slack.MessagesIn(Channel).Single(m => m["ts"]!.GetValue<string>() == question["ts"]!.GetValue<string>());
        Assert.DoesNotContain(answered["blocks"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "actions");
        Assert.Contains("Gekozen door Cees: Anna", answered.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Wie leidt het gesprek?", LastGroupMessage(), StringComparison.Ordinal);
    }
}
