using System.Text.Json;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Conversations.Tests.Scheduling;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Storage.AzureTables;
using IntervisieBot.Storage.Protection;
using IntervisieBot.Storage.Tables;
using Xunit.Abstractions;

namespace IntervisieBot.Conversations.Tests.Groups;

/// <summary>
/// A group that meets for years (issue 14): its row holds 5 years of monthly meetings and 300 agreements of 300
/// characters, on the embedded store and on the Table service protocol (Azurite); the 301st agreement and a group past
/// the row's limit get a clear answer instead of "try again".
/// </summary>
public sealed class GroupGrowthTests(SchedulerAzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<SchedulerAzuriteFixture>, IDisposable
{
    private static readonly string[] Names = ["Anna", "Bram", "Cees", "Dewi", "Eva", "Fenna", "Gijs", "Hanna"];
    private readonly List<HttpClient> _http = [];

    public static TheoryData<string> Stores => new() { "sqlite", "azurite" };

    public void Dispose() => _http.ForEach(h => h.Dispose());

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task FiveYearsOfMeetingsAndThreeHundredLongAgreements_AreStoredReadBackAndChangedConcurrently(string store)
    {
        using var chat = await GroupAsync(store);
        var groups = chat.Get<GroupStore>();
        var full = await FillAsync(chat, Group.MaxAgreements);

        var bytes = await StoredBytesAsync(chat);
        output.WriteLine($"{store}: 5 years of monthly meetings, {Group.MaxAgreements} agreements of {Agreement.MaxLength} characters: {bytes} bytes stored (of {GroupStore.MaxBytes}).");
        Assert.InRange(bytes, TableRules.MaxStringLength + 1, GroupStore.MaxBytes / 4);
        Assert.Equal(Json(full), Json((await chat.GroupAsync())!));

        // Four turns change four agreements at once: each is applied to what the others stored (ETag), none is lost.
        await Task.WhenAll(Enumerable.Range(1, 4).Select(n => Task.Run(() => groups.UpdateAsync(chat.Address, group =>
        {
            group.ChangeAgreement(n * 50, $"Gewijzigd door beurt {n}.", Names[n], chat.Time.GetUtcNow());
            return (true, 0);
        }))));

        var after = (await chat.GroupAsync())!;
        Assert.Equal(Group.MaxAgreements, after.Agreements.Count);
        Assert.All(Enumerable.Range(1, 4), n => Assert.Equal($"Gewijzigd door beurt {n}.", after.Agreements.Single(a => a.Number == n * 50).Text));
        Assert.Equal(60, after.ToSnapshot().Outcomes.Count);
        Assert.Equal(Json(full with { Agreements = [.. full.Agreements.Select(a => after.Agreements.Single(b => b.Number == a.Number))] }), Json(after));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task TheAgreementAfterTheMost_IsRefusedWithAClearMessage_AndNothingIsAdded(string store)
    {
        using var chat = await GroupAsync(store);
        await FillAsync(chat, Group.MaxAgreements);

        var answer = BotClient.Text(await chat.Say("Bram", "afspraak toevoegen We sluiten af met een rondje."));
        var form = BotClient.Text(await chat.Press("Bram", new Dictionary<string, string> { [Cards.ActionKey] = "add-form", [Cards.CardKey] = AgreementCommands.CardName }));
        var group = (await chat.GroupAsync())!.ToSnapshot();
        await chat.Get<GroupStore>().SaveAsync(chat.Address, Group.Restore(group with { Settings = group.Settings with { Language = Language.English } }));
        var english = BotClient.Text(await chat.Say("Bram", "agreement add We close with a round."));

        Assert.Contains("Jullie hebben al 300 afspraken, meer bewaar ik er niet. Er is niets toegevoegd.", answer, StringComparison.Ordinal);
        Assert.Contains("Jullie hebben al 300 afspraken", form, StringComparison.Ordinal);
        Assert.Contains("You already have 300 agreements, the most I keep. Nothing was added.", english, StringComparison.Ordinal);
        Assert.DoesNotContain("opnieuw", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Group.MaxAgreements, (await chat.GroupAsync())!.Agreements.Count);

        await chat.Say("Bram", "agreement remove 1");
        Assert.Contains("Agreement added: We close with a round.", BotClient.Text(await chat.Say("Bram", "agreement add We close with a round.")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task AGroupPastWhatItsRowHolds_IsRefusedByTheStore_AndTheMemberIsToldWhatHelps(string store)
    {
        using var chat = await GroupAsync(store);
        var groups = chat.Get<GroupStore>();
        var full = await FillAsync(chat, 10);

        // Pad the group until an agreement of 300 characters no longer fits in the row.
        var padding = 1000;
        await groups.SaveAsync(chat.Address, Padded(full, padding));
        padding += GroupStore.MaxBytes - 100 - await StoredBytesAsync(chat);
        var nearlyFull = Padded(full, padding);
        await groups.SaveAsync(chat.Address, nearlyFull);
        Assert.Equal(GroupStore.MaxBytes - 100, await StoredBytesAsync(chat));

        var tooLarge = await Assert.ThrowsAsync<GroupTooLargeException>(() => groups.SaveAsync(chat.Address, Padded(full, padding + 200)));
        Assert.True(tooLarge.Bytes > GroupStore.MaxBytes);
        var answer = BotClient.Text(await chat.Say("Cees", "afspraak toevoegen " + new string('w', Agreement.MaxLength)));

        Assert.Contains("De gegevens van deze groep zijn te groot geworden om nog meer te bewaren, dus er is niets veranderd.", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Afspraak toegevoegd", answer, StringComparison.Ordinal);
        Assert.Equal(Json(nearlyFull), Json((await chat.GroupAsync())!));
        Assert.Contains("Afspraak verwijderd", BotClient.Text(await chat.Say("Cees", "afspraak verwijderen 1")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ARowStoredAsOneEncryptedText_StillReads_AndIsStoredInPartsWhenItChanges(string store)
    {
        using var chat = await GroupAsync(store);
        var group = (await chat.GroupAsync())!;
        var table = chat.Tables.GetTableClient(GroupStore.TableName);
        var json = JsonSerializer.Serialize(group.ToSnapshot(), ConversationState.Json);
        var context = GroupStore.TableName + "|" + chat.Address.Key + "|group";
        await table.UpsertEntityAsync(new TableEntity(chat.Address.Key, "group") { ["Data"] = chat.Get<PrivacyProtector>().Protect(json, context) }, TableUpdateMode.Replace);

        Assert.Equal(Json(group), Json((await chat.GroupAsync())!));
        Assert.Contains("Afspraak toegevoegd", BotClient.Text(await chat.Say("Anna", "afspraak toevoegen Telefoons gaan weg.")), StringComparison.Ordinal);

        var row = (await table.GetEntityIfExistsAsync(chat.Address.Key, "group"))!;
        Assert.Null(row.GetString("Data"));
        Assert.Equal(1, row.GetInt32("Parts"));
        Assert.Equal(group.Agreements.Count + 1, (await chat.GroupAsync())!.Agreements.Count);
    }

    [Fact]
    public async Task OneAgreementBeyondThePage_IsCountedInTheSingular()
    {
        using var chat = await GroupAsync("sqlite");
        await FillAsync(chat, AgreementCommands.PageSize + 1);

        Assert.Contains(
            "… en nog 1 afspraak: kies **Meer afspraken** of typ **afspraken 2**.",
            BotClient.Text(Assert.Single(await chat.Say("Anna", "afspraken"))),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongList_IsShownTwentyAtATime_WithAButtonForTheNext_AndItsFormsOfferThatPage()
    {
        using var chat = await GroupAsync("sqlite");
        await FillAsync(chat, Group.MaxAgreements);

        var first = Assert.Single(await chat.Say("Anna", "afspraken"));
        Assert.Equal(AgreementCommands.PageSize, Numbered(first).Length);
        Assert.StartsWith("1. ", Numbered(first)[0], StringComparison.Ordinal);
        Assert.Contains("… en nog 280 afspraken: kies **Meer afspraken** of typ **afspraken 2**.", BotClient.Text(first), StringComparison.Ordinal);

        var second = Assert.Single(await chat.Press("Anna", BotClient.Button(first, "Meer afspraken")));
        Assert.StartsWith("21. ", Numbered(second)[0], StringComparison.Ordinal);
        Assert.Contains("Afspraak 21 tot en met 40 van de 300.", BotClient.Text(second), StringComparison.Ordinal);

        var last = Assert.Single(await chat.Say("Anna", "afspraken 15"));
        Assert.Equal(["281. ", "300. "], [Numbered(last)[0][..5], Numbered(last)[^1][..5]]);
        Assert.DoesNotContain(last.Card!.Buttons, b => b.Title == "Meer afspraken");

        var form = Assert.Single(await chat.Press("Anna", BotClient.Button(last, "Wijzigen")));
        var choices = Assert.Single(form.Card!.Body.OfType<CardChoiceInput>()).Choices;
        Assert.Equal(AgreementCommands.PageSize, choices.Count);
        Assert.StartsWith("281. ", choices[0].Title, StringComparison.Ordinal);

        var changed = await chat.Press("Anna", BotClient.Button(form, "Opslaan"), new Dictionary<string, string> { [AgreementCommands.NumberInput] = choices[9].Value, [AgreementCommands.TextInput] = "We ronden om tien uur af." });
        Assert.Equal("Afspraak gewijzigd: We ronden om tien uur af.", changed[0].Text);
        Assert.Contains("290. We ronden om tien uur af.", Numbered(changed[1]));
    }

    private static string[] Numbered(OutgoingMessage card) =>
        [.. card.Card!.Body.OfType<CardText>().Where(t => t.Style == TextStyle.Normal && char.IsAsciiDigit(t.Text[0])).Select(t => t.Text)];

    private async Task<BotClient> GroupAsync(string store)
    {
        ITableServiceClient? tables = null;
        if (store == "azurite")
        {
            var http = new HttpClient();
            _http.Add(http);
            tables = AzureTableServiceClient.FromConnectionString(
                azurite.Server.ConnectionString, http, new AzureTableClientOptions { TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10] });
        }

        var chat = new BotClient(new BotClientOptions { Members = Names, Tables = tables });
        await chat.SetUpAsync();
        return chat;
    }

    /// <summary>
    /// Stores the set-up group with 5 years of monthly meetings (8 members, 2 absent each time), requests for the next
    /// 12 meetings, and <paramref name="agreements"/> agreements of 300 characters.
    /// </summary>
    private static async Task<GroupSnapshot> FillAsync(BotClient chat, int agreements)
    {
        var group = (await chat.GroupAsync())!.ToSnapshot();
        var ids = group.Members.Select(m => m.Id).ToArray();
        var at = chat.Time.GetUtcNow();
        var first = new DateOnly(2022, 1, 12);
        var snapshot = group with
        {
            Agreements = [.. Enumerable.Range(1, agreements).Select(n => new Agreement(n, Long(n), Names[n % Names.Length], at.AddDays(-n)) { ChangedBy = Names[(n + 1) % Names.Length], ChangedAt = at })],
            NextAgreement = agreements + 1,
            Outcomes = [.. Enumerable.Range(0, 60).Select(n => new MeetingOutcome(first.AddMonths(n), new DateTimeOffset(first.AddMonths(n), new TimeOnly(19, 30), TimeSpan.Zero), ids[n % ids.Length], ids[(n + 3) % ids.Length], [.. ids.Where((_, i) => i != n % 7 && i != (n + 2) % 7)]) { MethodId = "incident" })],
            Requests = [.. Enumerable.Range(0, 12).Select(n => new RotationRequests(new DateOnly(2027, 1, 12).AddMonths(n)) { Absent = [ids[n % ids.Length], ids[(n + 1) % ids.Length]], Passed = [ids[(n + 2) % ids.Length]], CaseOwner = ids[(n + 4) % ids.Length] })],
        };
        await chat.Get<GroupStore>().SaveAsync(chat.Address, Group.Restore(snapshot));
        return snapshot;
    }

    /// <summary>An agreement of the most characters allowed, different for each number.</summary>
    private static string Long(int n) => $"{n}. " + string.Concat(Enumerable.Repeat("We laten elkaar uitpraten en vragen eerst door. ", 7))[..(Agreement.MaxLength - 2 - n.ToString(System.Globalization.CultureInfo.InvariantCulture).Length)];

    private static Group Padded(GroupSnapshot snapshot, int characters) =>
        Group.Restore(snapshot with { Outcomes = [.. snapshot.Outcomes, new MeetingOutcome(new DateOnly(2021, 1, 1), new DateTimeOffset(2021, 1, 1, 19, 0, 0, TimeSpan.Zero), null, null, []) { MethodId = new string('x', characters), Extra = true }] });

    /// <summary>The size of the group's row as stored: the encrypted parts together.</summary>
    private static async Task<int> StoredBytesAsync(BotClient chat)
    {
        var row = (await chat.Tables.GetTableClient(GroupStore.TableName).GetEntityIfExistsAsync(chat.Address.Key, "group"))!;
        return row.Where(p => p.Key.StartsWith("Part", StringComparison.Ordinal) && p.Value is byte[]).Sum(p => ((byte[])p.Value!).Length);
    }

    private static string Json(GroupSnapshot snapshot) => JsonSerializer.Serialize(snapshot, ConversationState.Json);

    private static string Json(Group group) => Json(group.ToSnapshot());
}
