using System.Text.Json.Nodes;
using IntervisieBot.Channels.Slack.BlockKit;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Channels.Slack.Tests.BlockKit;

public sealed class BlockKitRendererTests
{
    private static string Type(JsonNode? block) => block!["type"]!.GetValue<string>();

    [Fact]
    public void AText_BecomesSlackMrkdwn_WithMentionsKeptAndOtherAngleBracketsEscaped()
    {
        var anna = new Participant("U0ANNA", "Anna");
        var message = new OutgoingMessage("**Stap 2** voor " + OutgoingMessage.Mention(anna) + ": vraag <niet> waarom & hoe") { Mentions = [anna] };

        var rendered = BlockKitRenderer.Render(message);

        Assert.Equal("*Stap 2* voor <@U0ANNA>: vraag &lt;niet&gt; waarom &amp; hoe", rendered.Text);
        Assert.Null(rendered.Blocks);
    }

    [Fact]
    public void ACard_BecomesAHeader_Sections_Fields_AndButtonsCarryingTheirData()
    {
        var card = new Card
        {
            Title = "Hulp",
            Body = [new CardText("Wat ik kan"), new CardFacts([new CardFact("start", "een sessie"), new CardFact("verslag", "het verslag")]), new CardText("klein", TextStyle.Subtle)],
            Buttons = [new CardButton("Volgende", new Dictionary<string, string> { ["session"] = "next" }, ButtonStyle.Positive), new CardButton("Stop", new Dictionary<string, string> { ["session"] = "stop" }, ButtonStyle.Destructive)],
        };

        var blocks = BlockKitRenderer.Render(OutgoingMessage.FromCard(card)).Blocks!;

        Assert.Equal(["header", "section", "section", "context", "actions"], blocks.Select(Type));
        Assert.Equal(2, blocks[2]!["fields"]!.AsArray().Count);
        var buttons = blocks[4]!["elements"]!.AsArray();
        Assert.Equal(["primary", "danger"], buttons.Select(b => b!["style"]!.GetValue<string>()));
        Assert.Equal("""{"session":"next"}""", buttons[0]!["value"]!.GetValue<string>());
        Assert.Equal(["button:0", "button:1"], buttons.Select(b => b!["action_id"]!.GetValue<string>()));
    }

    [Fact]
    public void ACardWithTextInputsAndNoButtons_GetsAButtonToFillItIn()
    {
        var card = new Card { Body = [new CardInput("insight", "Jouw inzicht", InputKind.MultilineText, Value: "eerder")] };

        var rendered = BlockKitRenderer.Render(OutgoingMessage.FromCard(card));

        var button = rendered.Blocks!.Single(b => Type(b) == "actions")!["elements"]![0]!;
        Assert.Equal("form:0", button["action_id"]!.GetValue<string>());
        var input = rendered.Form!.View["blocks"]!.AsArray().Single(b => Type(b) == "input")!;
        Assert.Equal("input:insight", input["block_id"]!.GetValue<string>());
        Assert.True(input["element"]!["multiline"]!.GetValue<bool>());
        Assert.Equal("eerder", input["element"]!["initial_value"]!.GetValue<string>());
    }
}
