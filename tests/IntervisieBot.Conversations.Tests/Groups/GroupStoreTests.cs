using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Tests.Groups;

/// <summary>The group's row: keyed by its conversation, exported and forgotten with the group's other data.</summary>
public sealed class GroupStoreTests : IAsyncLifetime
{
    private readonly BotClient _chat = new("Anna", "Bram", "Cees");

    public Task InitializeAsync() => _chat.SetUpAsync();

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheGroup_IsOneRowUnderTheConversationsKey_AndAnotherConversationSeesNothing()
    {
        var rows = await _chat.Tables.GetTableClient(GroupStore.TableName).QueryAllAsync(_chat.Address.Key).ToListAsync();
        var other = _chat.Address with { ConversationId = "group-2" };

        Assert.Equal("group", Assert.Single(rows).RowKey);
        Assert.Null(await _chat.Get<GroupStore>().GetAsync(other));
        Assert.Contains("nog niet ingesteld", BotClient.Text(Assert.Single(await _chat.Chat(other.ConversationId).Say("Anna", "beurt"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAndForget_ReachTheGroup()
    {
        var store = Assert.IsType<GroupStore>(Assert.Single(_chat.Get<IEnumerable<IGroupDataStore>>(), s => s is GroupStore));

        var export = await store.ExportToGroupAsync(_chat.Address, default);
        Assert.Equal("Team Noord", export!["settings"]!["name"]!.GetValue<string>());
        Assert.Equal(3, export["members"]!.AsArray().Count);

        await store.ForgetAsync(_chat.Address, default);
        await store.ForgetAsync(_chat.Address, default);

        Assert.Null(await _chat.GroupAsync());
    }
}
