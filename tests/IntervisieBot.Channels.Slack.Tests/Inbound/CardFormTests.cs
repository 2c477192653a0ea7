using System.Net;
using System.Text.Json.Nodes;
using IntervisieBot.Channels.Slack.Tests.Fakes;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Channels.Slack.Tests.Inbound;

/// <summary>Cards with inputs in Slack: selects in the message, text fields in a modal that a button opens.</summary>
public sealed class CardFormTests : IAsyncLifetime
{
    private const string Channel = "C0GROUP";
    private readonly RecordingBot _bot = new();
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _bot.OnTurn = OnTurnAsync;
        _host = await SlackTestHost.StartAsync(_bot);
        _host.Slack.AddUser("U0ANNA", "Anna", "nl-NL");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private DateTimeOffset Now => _host.Clock.GetUtcNow();

    /// <summary>"form" shows a card to fill in; "choice" a card with a select; pressing a button answers it, after which the card shows the answer.</summary>
    private static async Task OnTurnAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        if (turn.Kind == TurnKind.Message && turn.Text == "form")
        {
            await context.SendAsync(OutgoingMessage.FromCard(new Card
            {
                Title = "Casus voorbereiden",
                Body =
                [
                    new CardText("Beschrijf je casus."),
                    new CardInput("title", "Titel", Required: true),
                    new CardInput("situation", "Situatie", InputKind.MultilineText, Placeholder: "Wie, waar, wat gebeurde er?"),
                    new CardInput("date", "Datum", InputKind.Date),
                    new CardChoiceInput("method", "Methode", [new CardChoice("Incidentmethode", "incident"), new CardChoice("STARR", "starr")]),
                ],
                Buttons = [new CardButton("Opslaan", new Dictionary<string, string> { ["action"] = "save", ["card"] = "case" }, ButtonStyle.Positive)],
            }), cancellationToken);
        }
        else if (turn.Kind == TurnKind.Message && turn.Text == "choice")
        {
            await context.SendAsync(OutgoingMessage.FromCard(new Card
            {
                Body = [new CardChoiceInput("minutes", "Hoeveel tijd?", [new CardChoice("60 minuten", "60"), new CardChoice("90 minuten", "90")])],
                Buttons = [new CardButton("Kies", new Dictionary<string, string> { ["action"] = "time" })],
            }), cancellationToken);
        }
        else if (turn.Kind == TurnKind.CardAction && turn.ReplyToId is { } card)
        {
            await context.UpdateAsync(card, OutgoingMessage.FromCard(new Card { Body = [new CardText("Beantwoord door " + turn.From.Name, TextStyle.Subtle)] }), cancellationToken);
        }
    }

    private async Task<JsonObject> PostedCardAsync(string text)
    {
        using var response = await _host.SendAsync(SlackRequests.Event(SlackRequests.MessageEvent("Ev-" + text, "app_mention", "U0ANNA", Channel, "<@U0BOT> " + text, "1767600000.00010" + text.Length), Now));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = _host.Slack.MessagesIn(Channel);
        return messages[^1];
    }

    private static JsonObject ButtonOf(JsonObject message) =>
        message["blocks"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]!.AsArray()[0]!.AsObject();

    [Fact]
    public async Task ACardWithTextInputs_ShowsAButtonThatOpensTheInputsInAModal()
    {
        var message = await PostedCardAsync("form");
        var button = ButtonOf(message);
        Assert.Equal("Opslaan", button["text"]!["text"]!.GetValue<string>());
        Assert.DoesNotContain(message["blocks"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "input");

        using var response = await _host.SendAsync(SlackRequests.Interaction(
            SlackRequests.ButtonPress("U0ANNA", Channel, message["ts"]!.GetValue<string>(), SlackRequests.Pressed(button)), Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(_bot.Turns, t => t.Kind == TurnKind.CardAction);
        var open = Assert.Single(_host.Slack.Succeeded, c => c.Method == "views.open");
        Assert.Equal("12466734323.1395872398.4b2f", open.String("trigger_id"));
        var view = open.Body["view"]!.AsObject();
        Assert.Equal("modal", view["type"]!.GetValue<string>());
        Assert.Equal("Opslaan", view["submit"]!["text"]!.GetValue<string>());
        var inputs = view["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "input").Select(b => b!["element"]!["type"]!.GetValue<string>());
        Assert.Equal(["plain_text_input", "plain_text_input", "datepicker", "static_select"], inputs);
    }

    [Fact]
    public async Task SubmittingTheModal_IsThePressOfItsButton_WithTheInputs_AndTheCardCannotBeAnsweredTwice()
    {
        var message = await PostedCardAsync("form");
        var ts = message["ts"]!.GetValue<string>();
        using (await _host.SendAsync(SlackRequests.Interaction(SlackRequests.ButtonPress("U0ANNA", Channel, ts, SlackRequests.Pressed(ButtonOf(message))), Now)))
        {
        }

        var view = _host.Slack.Succeeded.Single(c => c.Method == "views.open").Body["view"]!.AsObject();
        var state = new JsonObject
        {
            ["input:title"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Een lastig gesprek" } },
            ["input:situation"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Maandag, met mijn teamleider." } },
            ["input:date"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "datepicker", ["selected_date"] = "2026-02-02" } },
            ["input:method"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = "incident" } } },
        };

        using var submitted = await _host.SendAsync(SlackRequests.Interaction(SlackRequests.ViewSubmission("U0ANNA", view, state), Now));
        using var again = await _host.SendAsync(SlackRequests.Interaction(SlackRequests.ViewSubmission("U0ANNA", view, state), Now.AddSeconds(1)));

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("", await submitted.Content.ReadAsStringAsync());
        var turn = Assert.Single(_bot.Turns, t => t.Kind == TurnKind.CardAction);
        Assert.Equal(ts, turn.ReplyToId);
        Assert.Equal(Channel, turn.Conversation.ConversationId);
        Assert.Equal("Anna", turn.From.Name);
        Assert.Equal("save", turn.Values["action"]);
        Assert.Equal("case", turn.Values["card"]);
        Assert.Equal("Een lastig gesprek", turn.Values["title"]);
        Assert.Equal("Maandag, met mijn teamleider.", turn.Values["situation"]);
        Assert.Equal("2026-02-02", turn.Values["date"]);
        Assert.Equal("incident", turn.Values["method"]);

        var answered = _host.Slack.MessagesIn(Channel).Single(m => m["ts"]!.GetValue<string>() == ts);
        Assert.Contains("Beantwoord door Anna", answered.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(answered["blocks"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "actions");
    }

    [Fact]
    public async Task AChoiceCard_ShowsASelectInTheMessage_AndTheButtonBringsTheChoice()
    {
        var message = await PostedCardAsync("choice");
        var select = message["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == "input:minutes")!["accessory"]!;
        Assert.Equal("static_select", select["type"]!.GetValue<string>());
        var state = new JsonObject
        {
            ["input:minutes"] = new JsonObject
            {
                ["input:minutes"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = "90" } },
            },
        };

        using var response = await _host.SendAsync(SlackRequests.Interaction(
            SlackRequests.ButtonPress("U0ANNA", Channel, message["ts"]!.GetValue<string>(), SlackRequests.Pressed(ButtonOf(message)), state), Now));

        var turn = Assert.Single(_bot.Turns, t => t.Kind == TurnKind.CardAction);
        Assert.Equal("90", turn.Values["minutes"]);
        Assert.Equal("time", turn.Values["action"]);
        Assert.DoesNotContain(_host.Slack.Calls, c => c.Method == "views.open");
    }

    [Fact]
    public async Task ChangingASelect_IsNotAnAnswerYet()
    {
        var message = await PostedCardAsync("choice");
        var change = new JsonObject { ["type"] = "static_select", ["action_id"] = "input:minutes", ["block_id"] = "input:minutes", ["selected_option"] = new JsonObject { ["value"] = "60" } };

        using var response = await _host.SendAsync(SlackRequests.Interaction(SlackRequests.ButtonPress("U0ANNA", Channel, message["ts"]!.GetValue<string>(), change), Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(_bot.Turns, t => t.Kind == TurnKind.CardAction);
    }
}
