using IntervisieBot.Conversations;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Tests.Playground;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntervisieBot.Tests.Live;

/// <summary>
/// Live cards and answers to the presser alone in the playground, in Chromium: the bot's update of a card reaches the
/// page and replaces the card where it is; a refused press is a note only the member who pressed sees.
/// </summary>
public sealed class LiveMessagesInPlaygroundTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private const string Refusal = LiveTestCard.Refusal;

    private PlaygroundPage _browser = null!;
    private PlaygroundHost _host = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _browser = await PlaygroundPage.StartAsync(chromium, LiveTestCard.AddTo);
        (_host, _page) = (_browser.Host, _browser.Page);
    }

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task LiveCard_UpdatedByTheBot_ReplacesTheCardInPlace_AndARefusedPressIsANoteOnlyThePresserSees()
    {
        await _page.GotoAsync(_host.PageUrl);
        await Expect(BotMessage("Hallo, ik ben IntervisieBot")).ToBeVisibleAsync();
        var messenger = _host.Factory.Services.GetRequiredService<IChannelMessenger>();
        var group = new ConversationAddress("playground", "playground", _host.Channel.GroupConversationId, ConversationScope.GroupChat, "playground");
        await messenger.SendAsync(group, OutgoingMessage.FromCard(new Card
        {
            Title = "Testkaart",
            Buttons = [new CardButton("Toon stap 1", LiveTestCard.Press("show", "Stap 1 van 5")), new CardButton("Toon stap 2", LiveTestCard.Press("show", "Stap 2 van 5"))],
        }));
        var starter = BotMessage("Testkaart");

        // The first show posts the live card.
        await starter.GetByRole(AriaRole.Button, Named("Toon stap 1")).ClickAsync();
        await Expect(BotMessage("Stap 1 van 5")).ToBeVisibleAsync();
        var id = await BotMessage("Stap 1 van 5").GetAttributeAsync("data-id");
        var live = _page.Locator($"#log article.msg[data-id='{id}']");
        var messages = _page.Locator("#log article.msg");
        var count = await messages.CountAsync();

        // A press elsewhere: the bot updates the live card through the channel, whose update event reaches the page.
        await starter.GetByRole(AriaRole.Button, Named("Toon stap 2")).ClickAsync();
        await Expect(live).ToContainTextAsync("Stap 2 van 5");
        await Expect(BotMessage("Stap 1 van 5")).ToHaveCountAsync(0);
        await Expect(messages).ToHaveCountAsync(count);
        await Expect(messages.Last).ToContainTextAsync("Stap 2 van 5");

        // A press on the live card itself: the updated card is the invoke's answer, in the same place.
        await live.GetByRole(AriaRole.Button, Named("Volgende")).ClickAsync();
        await Expect(live).ToContainTextAsync("Stap 2 van 5 +");
        await Expect(messages).ToHaveCountAsync(count);

        // Bram presses a button the bot refuses: only Bram sees the answer, never the group.
        await ActAsAsync("Bram");
        await live.GetByRole(AriaRole.Button, Named("Oude knop")).ClickAsync();
        var note = _page.Locator(".presser-note", new PageLocatorOptions { HasText = Refusal });
        await Expect(note).ToBeVisibleAsync();
        await Expect(note).ToContainTextAsync("alleen jij ziet dit");
        await ActAsAsync("Anna");
        await Expect(note).ToBeHiddenAsync();
        await ActAsAsync("Bram");
        await Expect(note).ToBeVisibleAsync();
        await Expect(messages.Filter(new LocatorFilterOptions { HasNotText = Refusal })).ToHaveCountAsync(count);
        Assert.DoesNotContain(_host.Channel.Activities(_host.Channel.GroupConversationId), a => a.Contains(Refusal, StringComparison.Ordinal));
        Assert.Empty(_browser.Errors);
    }

    private ILocator BotMessage(string text) => _page.Locator("article.msg.from-bot:not(.presser-note)", new PageLocatorOptions { HasText = text });

    private static LocatorGetByRoleOptions Named(string name) => new() { Name = name, Exact = true };

    /// <summary>Makes the page write and click as <paramref name="name"/>, as a user picks a member in the side bar.</summary>
    private async Task ActAsAsync(string name)
    {
        var pick = _page.Locator("button.member-pick", new PageLocatorOptions { HasText = name });
        await pick.ClickAsync();
        await Expect(pick).ToHaveAttributeAsync("aria-pressed", "true");
    }
}
