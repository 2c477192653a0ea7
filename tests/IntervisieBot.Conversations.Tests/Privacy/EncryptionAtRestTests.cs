using System.Text.Json;
using IntervisieBot.Conversations.Cases;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Domain.Sessions;
using IntervisieBot.Storage.Protection;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Testing;

namespace IntervisieBot.Conversations.Tests.Privacy;

/// <summary>What members say is stored encrypted: the raw rows never hold it, and keys can rotate.</summary>
public sealed class EncryptionAtRestTests : IDisposable
{
    private const string Secret = "Vertrouwelijk";
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private static void AssertNoPlaintext(BotClient bot)
    {
        var rows = bot.Rows();
        Assert.NotEmpty(rows);
        Assert.DoesNotContain(rows, r => r.Mentions(Secret));
        Assert.DoesNotContain(rows, r => r.Mentions("vraagt"));
    }

    [Fact]
    public async Task RawRows_WhileASessionCollects_HoldNoContribution()
    {
        using var bot = BotClient.TwoGroups(folder: _folder);

        await bot.StartUntilCollectingAsync(BotClient.Incident, BotClient.NamesA, Secret);

        var state = await bot.Get<DialogStateStore>().LoadAsync(bot.Address);
        Assert.Contains(Secret + ": Cees vraagt iets", state.Json, StringComparison.Ordinal);
        AssertNoPlaintext(bot);
    }

    [Fact]
    public async Task RawRows_AfterWholeSessions_HoldNoContributionInsightOrAction()
    {
        using var bot = BotClient.TwoGroups(folder: _folder);

        foreach (var method in new[] { "incident", "socratic", "five-steps" })
        {
            await bot.RunSessionAsync(Domain.Methods.MethodLibrary.BuiltIn.Get(method), BotClient.NamesA, Secret);
        }

        var record = await bot.Get<SessionRecordStore>().LatestAsync(bot.Address);
        Assert.Equal(Secret + ": Anna's actie", record!.Action);
        Assert.Contains(bot.Rows(), r => r.Table == SessionRecordStore.TableName);
        AssertNoPlaintext(bot);
    }

    [Fact]
    public async Task RawRows_AfterSetUpAgreementsACaseAndAWholeSession_HoldNoAgreementCaseOrContributionInPlain()
    {
        using var bot = BotClient.TwoGroups(folder: _folder);

        await bot.RunConfidentialMeetingAsync(Secret);

        var group = (await bot.Get<GroupStore>().GetAsync(bot.Address))!;
        Assert.Equal($"{Secret} Noord", group.Settings.Name);
        Assert.Contains(group.Agreements, a => a.Text.StartsWith(Secret, StringComparison.Ordinal));
        Assert.StartsWith(Secret, (await bot.Get<CaseStore>().GetAsync(bot.Address, "u-anna"))!.Title, StringComparison.Ordinal);
        Assert.Equal($"{Secret} Noord", Assert.Single(await bot.Get<MemberGroupIndex>().GroupsOfAsync(bot.Address, "u-bram")).Name);
        Assert.Equal(Secret + ": Anna's actie", (await bot.Get<SessionRecordStore>().LatestAsync(bot.Address))!.Action);
        var rows = bot.Rows();
        foreach (var table in new[] { GroupStore.TableName, MemberGroupIndex.TableName, CaseStore.TableName, SessionRecordStore.TableName })
        {
            Assert.Contains(rows, r => r.Table == table);
        }

        AssertNoPlaintext(bot);
        Assert.DoesNotContain(rows, r => BotClient.ConfidentialTexts.Any(r.Mentions));
    }

    [Fact]
    public async Task AGroupStoredBeforeEncryption_StillReads_AndIsEncryptedWhenFirstRead()
    {
        using var bot = BotClient.TwoGroups(folder: _folder);
        await bot.SetUpNamedAsync("Team Noord");
        var tables = bot.Get<ITableServiceClient>();
        var groups = tables.GetTableClient(GroupStore.TableName);
        var snapshot = (await bot.Get<GroupStore>().GetAsync(bot.Address))!.ToSnapshot() with
        {
            Settings = (await bot.Get<GroupStore>().GetAsync(bot.Address))!.Settings with { Name = $"{Secret} oud" },
            Agreements = [new Agreement(1, $"{Secret}: een oude afspraak", "Anna", bot.Time.GetUtcNow())],
            NextAgreement = 2,
        };
        await groups.UpsertEntityAsync(
            new TableEntity(bot.Address.Key, "group") { ["Json"] = JsonSerializer.Serialize(snapshot, ConversationState.Json) }, TableUpdateMode.Replace);
        var index = tables.GetTableClient(MemberGroupIndex.TableName);
        var entry = (await index.GetEntityIfExistsAsync(bot.Address.TenantKey + "~u-cees", bot.Address.Key))!;
        entry["Name"] = $"{Secret} oud";
        await index.UpsertEntityAsync(entry, TableUpdateMode.Replace);
        Assert.Contains(bot.Rows(), r => r.Mentions(Secret));

        var group = (await bot.Get<GroupStore>().GetAsync(bot.Address))!;
        var listed = Assert.Single(await bot.Get<MemberGroupIndex>().GroupsOfAsync(bot.Address, "u-cees"));

        Assert.Equal($"{Secret}: een oude afspraak", Assert.Single(group.Agreements).Text);
        Assert.Equal($"{Secret} oud", listed.Name);
        Assert.DoesNotContain(bot.Rows(), r => r.Mentions(Secret));
        Assert.Contains($"{Secret}: een oude afspraak", AllText(await bot.Say("Eva", "afspraken")), StringComparison.Ordinal);
        Assert.Equal($"{Secret} oud", Assert.Single(await bot.Get<MemberGroupIndex>().GroupsOfAsync(bot.Address, "u-cees")).Name);
    }

    [Fact]
    public async Task AGroupRowCopiedIntoAnotherGroup_DoesNotOpenThere()
    {
        using var bot = BotClient.TwoGroups(folder: _folder);
        await bot.SetUpNamedAsync("Team Noord");
        var table = bot.Get<ITableServiceClient>().GetTableClient(GroupStore.TableName);
        var copy = (await table.GetEntityIfExistsAsync(bot.Address.Key, "group"))!.Clone();
        copy.PartitionKey = bot.Chat(BotClient.GroupB).Address.Key;
        await table.UpsertEntityAsync(copy, TableUpdateMode.Replace);

        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => bot.Get<GroupStore>().GetAsync(bot.Chat(BotClient.GroupB).Address));
    }

    private static string AllText(IEnumerable<IntervisieBot.Dialogs.Messages.OutgoingMessage> messages) =>
        string.Join("\n", messages.Select(m => m.Text + "\n" + string.Join("\n", m.Card?.Body.OfType<IntervisieBot.Dialogs.Messages.CardText>().Select(t => t.Text) ?? [])));

    [Fact]
    public async Task ACiphertextCopiedIntoAnotherGroupsRow_DoesNotOpenThere()
    {
        using var bot = BotClient.TwoGroups(folder: _folder);
        await bot.StartUntilCollectingAsync(BotClient.Incident, BotClient.NamesA, Secret);
        var table = bot.Get<Storage.Tables.ITableServiceClient>().GetTableClient(DialogStateStore.TableName);
        var stolen = (await table.GetEntityIfExistsAsync(bot.Address.Key, "state"))!;
        var copy = stolen.Clone();
        copy.PartitionKey = bot.Chat(BotClient.GroupB).Address.Key;
        await table.UpsertEntityAsync(copy, TableUpdateMode.Replace);

        var inB = await bot.Get<DialogStateStore>().LoadAsync(bot.Chat(BotClient.GroupB).Address);

        Assert.Empty(inB.State.Stack);
        Assert.DoesNotContain(Secret, inB.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterKeyRotation_ARunningSessionGoesOn_AndItsNextWriteUsesTheNewKey()
    {
        using (var before = BotClient.TwoGroups(new PrivacyProtector(new KeyRing(TestKeys.First)), _folder))
        {
            await before.StartUntilCollectingAsync(BotClient.Incident, BotClient.NamesA, Secret);
        }

        using var after = BotClient.TwoGroups(new PrivacyProtector(new KeyRing(TestKeys.Second, [TestKeys.First])), _folder);
        var ack = Assert.Single(await after.Privately("Dewi", "Wat deed je daarna?"));

        Assert.StartsWith("Ontvangen (1 van 2).", ack.Text, StringComparison.Ordinal);
        var state = after.Rows().Single(r => r.Table == DialogStateStore.TableName);
        var data = JsonDocument.Parse(state.Properties).RootElement.GetProperty("Data0")[1].GetBytesFromBase64();
        Assert.Equal("test-2", System.Text.Encoding.ASCII.GetString(data, 2, data[1]));
    }

    [Fact]
    public async Task AfterTheOldKeyIsDropped_TheRunningSessionIsLost_ButTheGroupCanGoOn()
    {
        using (var before = BotClient.TwoGroups(new PrivacyProtector(new KeyRing(TestKeys.First)), _folder))
        {
            await before.StartUntilCollectingAsync(BotClient.Incident, BotClient.NamesA, Secret);
        }

        using var after = BotClient.TwoGroups(new PrivacyProtector(new KeyRing(TestKeys.Second)), _folder);

        Assert.Empty((await after.Get<DialogStateStore>().LoadAsync(after.Address)).State.Stack);
        Assert.Contains("Wie brengt vandaag de casus in?", Assert.Single(await after.Say("Anna", "start incidentmethode")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateAndRecordsWrittenBeforeEncryption_StillLoad_AndAreEncryptedOnTheNextWrite()
    {
        using var bot = BotClient.TwoGroups(folder: _folder);
        var tables = bot.Get<ITableServiceClient>();
        var states = tables.GetTableClient(DialogStateStore.TableName);
        var records = tables.GetTableClient(SessionRecordStore.TableName);
        await states.CreateIfNotExistsAsync();
        await records.CreateIfNotExistsAsync();
        var legacyState = new ConversationState { Values = { ["stopPending"] = true } };
        legacyState.Values["note"] = Secret + " van vroeger";
        await states.AddEntityAsync(new TableEntity(bot.Address.Key, "state") { ["Chunks"] = 1, ["Json0"] = legacyState.Serialize() });
        var started = new DateTimeOffset(2026, 11, 1, 18, 0, 0, TimeSpan.Zero);
        var oldRecord = new SessionRecord(
            "incident", 1, started, started.AddHours(1), new SessionMember("u-anna", "Anna"), new SessionMember("u-bram", "Bram"),
            [new SessionMember("u-cees", "Cees")], [Secret + " oud inzicht"], Secret + " oude actie", null, 0, true);
        await records.AddEntityAsync(new TableEntity(bot.Address.Key, "0000000000000000001") { ["Json"] = JsonSerializer.Serialize(oldRecord, ConversationState.Json) });

        Assert.Equal(Secret + " oude actie", (await bot.Get<SessionRecordStore>().LatestAsync(bot.Address))!.Action);
        Assert.StartsWith("Gestopt", Assert.Single(await bot.Say("Anna", "ja")).Text, StringComparison.Ordinal);

        var state = bot.Rows().Single(r => r.Table == DialogStateStore.TableName);
        Assert.DoesNotContain("Json0", state.Properties, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, state.Properties, StringComparison.Ordinal);
    }
}
