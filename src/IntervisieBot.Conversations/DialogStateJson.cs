using System.Text.Json;
using System.Text.Json.Serialization;
using IntervisieBot.Conversations.Cases;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Methods;
using IntervisieBot.Conversations.Sessions;

namespace IntervisieBot.Conversations;

/// <summary>
/// The source-generated serialisation of what the dialogs of this project keep between turns: each dialog's typed
/// state (<see cref="Dialogs.DialogState{T}"/>, <see cref="Dialogs.WaterfallDialog{TState}"/>), the options they
/// begin with, and the typed conversation-wide values (<see cref="Dialogs.ConversationValue{T}"/>). Changing a state's shape needs a new version
/// of its dialog.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(AdviceState))]
[JsonSerializable(typeof(CasePreparationState))]
[JsonSerializable(typeof(CaseCheckState))]
[JsonSerializable(typeof(ChosenCaseGroup))]
[JsonSerializable(typeof(CasePreparationOptions))]
[JsonSerializable(typeof(GroupSetupOptions))]
[JsonSerializable(typeof(SessionSetupOptions))]
[JsonSerializable(typeof(GroupSetupState))]
[JsonSerializable(typeof(SessionSetupState))]
[JsonSerializable(typeof(SessionDialogState))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
public sealed partial class DialogStateJson : JsonSerializerContext;
