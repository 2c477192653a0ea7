using IntervisieBot.Conversations.Cases;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Methods;
using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Conversations.Tests.Cases;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs;

namespace IntervisieBot.Conversations.Tests;

/// <summary>
/// Every dialog whose stored state changed shape (the typed states) took a new version: a conversation that is in the
/// middle of the version before it when the bot is deployed ends cleanly at its next turn, and nothing is misread.
/// </summary>
public sealed class OldDialogVersionTests : IDisposable
{
    private readonly BotClient _chat = new("Anna", "Bram", "Cees", "Dewi", "Eva");

    public void Dispose() => _chat.Dispose();

    [Theory]
    [InlineData(GroupSetupDialog.DialogId, "instellen|Team Noord")]
    [InlineData(AdviceDialog.Id, "advies")]
    [InlineData(SessionSetupDialog.Id, "start")]
    [InlineData(SessionDialog.DialogId, "start incidentmethode|Anna|Bram|iedereen|ja")]
    public async Task AGroupDialogStoredByTheVersionBefore_EndsCleanlyAtTheNextTurn(string dialogId, string turns)
    {
        if (dialogId != GroupSetupDialog.DialogId)
        {
            await _chat.SetUpAsync();
        }

        foreach (var text in turns.Split('|'))
        {
            await _chat.Say("Anna", text);
        }

        await StoreAsTheVersionBeforeAsync(_chat.Address, dialogId);
        await _chat.Say("Anna", "ja");

        Assert.Empty((await States.LoadAsync(_chat.Address)).State.Stack);
    }

    [Theory]
    [InlineData(CasePreparationDialog.Id)]
    [InlineData(CaseCheckDialog.Id)]
    public async Task ACaseDialogStoredByTheVersionBefore_EndsCleanlyAtTheNextTurn(string dialogId)
    {
        await _chat.SetUpAsync();
        if (dialogId == CaseCheckDialog.Id)
        {
            await CasePreparationTests.SubmitFormAsync(_chat, CasePreparationTests.Form());
        }
        else
        {
            await _chat.Privately("Anna", "casus");
        }

        await StoreAsTheVersionBeforeAsync(_chat.PersonalChat("Anna"), dialogId);
        await _chat.Privately("Anna", "ja");

        Assert.Empty((await States.LoadAsync(_chat.PersonalChat("Anna"))).State.Stack);
    }

    private DialogStateStore States => _chat.Get<DialogStateStore>();

    private async Task StoreAsTheVersionBeforeAsync(Dialogs.Messages.ConversationAddress conversation, string dialogId)
    {
        var stored = await States.LoadAsync(conversation);
        var index = stored.State.Stack.FindIndex(i => i.Id == dialogId);
        Assert.True(index >= 0, $"'{dialogId}' is not on the stack.");
        var running = stored.State.Stack[index];
        stored.State.Stack[index] = new DialogInstance { Id = running.Id, Version = running.Version - 1, State = running.State };
        await States.SaveAsync(conversation, stored.State.Serialize(), stored.ETag);
    }
}
