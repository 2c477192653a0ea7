using IntervisieBot.Channels.BotFramework.Tests.Connector;

namespace IntervisieBot.Tests.BotFramework;

/// <summary>A Teams group runs the Incidentmethode from start to record, every turn over HTTP like Teams sends it.</summary>
public sealed class IncidentSessionOverHttpTests : IAsyncLifetime
{
    private TeamsGroupChat _chat = null!;

    public async Task InitializeAsync() => _chat = await TeamsGroupChat.StartAsync();

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    private FakeConnectorServer Connector => _chat.Connector;

    private Task GroupAsync(string who, string text) => _chat.GroupAsync(who, text);

    private Task PrivateAsync(string who, string text) => _chat.PrivateAsync(who, text);

    private string LastGroupText() =>
        Connector.Delivered.Last(r => r.ConversationId == TeamsFixture.GroupChatId && r.Method == "POST").Body;

    [Fact]
    public async Task AGroupRunsTheIncidentMethod_FromStartToRecord()
    {
        await GroupAsync("Anna", "start incidentmethode");
        Assert.Contains("Wie brengt vandaag de casus in?", LastGroupText(), StringComparison.Ordinal);
        await GroupAsync("Cees", "Anna");
        await GroupAsync("Cees", "Bram");
        Assert.Contains("Wie is er verder bij?", LastGroupText(), StringComparison.Ordinal);
        await GroupAsync("Cees", "iedereen");
        Assert.Contains("Stap 1 van 5", LastGroupText(), StringComparison.Ordinal);

        await GroupAsync("Bram", "volgende");
        foreach (var speaker in new[] { "Bram", "Cees", "Dewi", "Eva" })
        {
            await GroupAsync(speaker, "klaar");
        }

        await GroupAsync("Bram", "volgende");
        var opened = Connector.Delivered.Count(r => r.Method == "POST" && r.ConversationId is null);
        Assert.Equal(4, opened);
        foreach (var member in new[] { "Bram", "Cees", "Dewi", "Eva" })
        {
            await PrivateAsync(member, $"{member} zag spanning");
            await PrivateAsync(member, $"{member} hoorde twijfel");
        }

        await GroupAsync("Bram", "volgende");
        Assert.Contains(Connector.Delivered, r => r.ConversationId == TeamsFixture.GroupChatId && r.Body.Contains("Dewi hoorde twijfel (Dewi)", StringComparison.Ordinal));

        await GroupAsync("Bram", "volgende");
        await GroupAsync("Anna", "Ik vermijd spanning.");
        await GroupAsync("Anna", "Ik bespreek het deze week met mijn teamleider.");
        // The last takeaway in the method's harvest step is the insight and the action, so the close goes straight to
        // the rating.
        await GroupAsync("Bram", "volgende");
        await GroupAsync("Cees", "8");
        await GroupAsync("Bram", "volgende");

        var closing = Connector.Delivered.Where(r => r.ConversationId == TeamsFixture.GroupChatId && r.Method == "POST").TakeLast(2).Select(r => r.Body).ToList();
        Assert.Contains("Ik bespreek het deze week met mijn teamleider.", closing[0], StringComparison.Ordinal);
        Assert.Contains("Tweede casus", closing[1], StringComparison.Ordinal);
        await GroupAsync("Eva", "verslag");
        Assert.Contains("Verslag: Incidentmethode", LastGroupText(), StringComparison.Ordinal);

        // The session card was posted once and then replaced in place (updateActivity) at every change; at the end it
        // says the steps are done, without buttons.
        var live = Assert.Single(Connector.Delivered, r => r.Method == "POST" && r.Body.Contains("Stap 1 van 5", StringComparison.Ordinal));
        var id = "activity-" + live.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var updates = Connector.Delivered.Where(r => r.Method == "PUT" && r.ActivityId == id).ToList();
        Assert.True(updates.Count >= 5, $"{updates.Count} updates of the session card");
        Assert.All(updates, u => Assert.Equal(TeamsFixture.GroupChatId, u.ConversationId));
        Assert.DoesNotContain("Stap ", updates[^1].Body, StringComparison.Ordinal);
        Assert.Contains("Alle stappen zijn gedaan", updates[^1].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"actions\"", updates[^1].Body, StringComparison.Ordinal);
        var posts = Connector.Delivered.Count(r => r.Method == "POST" && r.ConversationId == TeamsFixture.GroupChatId);
        Console.WriteLine($"Incidentmethode in Teams, five members: {posts} group messages, {updates.Count} updates of the session card");
    }
}
