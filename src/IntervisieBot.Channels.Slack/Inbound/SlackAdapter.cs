using System.Text.Json;
using IntervisieBot.Channels.Slack.BlockKit;
using IntervisieBot.Channels.Slack.Installations;
using IntervisieBot.Channels.Slack.References;
using IntervisieBot.Channels.Slack.WebApi;
using IntervisieBot.Conversations.Inbound;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Channels.Slack.Inbound;

/// <summary>
/// Slack's three request URLs. Every request is checked first: signature over the raw body, timestamp within
/// <see cref="SlackOptions.MaxRequestAge"/> (401 otherwise). Then it is answered at once (Slack waits 3 s) and the
/// turn is stored in the inbox first (<see cref="InboundTurns"/>), then runs on the conversation's lane.
/// <para>
/// Repeats: an event Slack delivers again (its retries, or the second copy of a mention) is claimed once in the
/// <see cref="SlackDeliveryLog"/> and answered 200 without running again, because Slack must see a 2xx to stop
/// retrying. Interactions and slash commands are never retried by Slack and carry no id, so the same signed request
/// arriving twice is a replay: its signature is claimed like an event id and a second arrival is refused (401).
/// A replay after the allowed age is refused by its timestamp.
/// </para>
/// </summary>
public sealed partial class SlackAdapter(
    IOptions<SlackOptions> options,
    SlackDeliveryLog deliveries,
    SlackWorkspaces workspaces,
    SlackConversationStore conversations,
    SlackApiClient client,
    SlackSender sender,
    InboundTurns inbound,
    TimeProvider time,
    ILogger<SlackAdapter> logger)
{
    /// <summary>Far more than any payload Slack sends.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>A modal must be opened within 3 s of the press; this leaves room for the answer itself.</summary>
    private static readonly TimeSpan ViewOpenTimeout = TimeSpan.FromSeconds(2.5);

    public Task<IResult> EventsAsync(HttpRequest request, CancellationToken cancellationToken) =>
        GuardAsync(request, replayable: true, (body, ct) => OnEventAsync(body, ct), cancellationToken);

    public Task<IResult> InteractionsAsync(HttpRequest request, CancellationToken cancellationToken) =>
        GuardAsync(request, replayable: false, (body, ct) => OnInteractionAsync(body, ct), cancellationToken);

    public Task<IResult> CommandsAsync(HttpRequest request, CancellationToken cancellationToken) =>
        GuardAsync(request, replayable: false, (body, ct) => OnCommandAsync(body, ct), cancellationToken);

    private async Task<IResult> GuardAsync(HttpRequest request, bool replayable, Func<byte[], CancellationToken, Task<IResult>> handle, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return Results.NotFound();
        }

        try
        {
            var body = await ReadAsync(request, cancellationToken);
            if (body is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request is too large.");
            }

            var signature = request.Headers[SlackSignature.SignatureHeader].ToString();
            var check = SlackSignature.Verify(
                settings.SigningSecret!, request.Headers[SlackSignature.TimestampHeader].ToString(), signature, body, time.GetUtcNow(), settings.MaxRequestAge);
            if (check != SignatureCheck.Valid)
            {
                LogRefused(check.ToString());
                return Unauthorized();
            }

            if (!replayable && !await deliveries.TryClaimAsync(["signature~" + signature], cancellationToken))
            {
                LogRefused("Replayed");
                return Unauthorized();
            }

            return await handle(body, cancellationToken);
        }
        catch (Exception e) when (e is TableStorageException or TimeoutException)
        {
            // Slack retries events that get a 5xx; nothing was claimed or queued, so the retry is handled in full.
            LogStoreUnavailable(e);
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The bot's store is not available; try again.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or BadHttpRequestException)
        {
            LogMalformed(e.GetType().Name);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request could not be read.");
        }
    }

    private async Task<IResult> OnEventAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        switch (SlackTurnMapper.String(root, "type"))
        {
            case "url_verification":
                return Results.Json(new { challenge = SlackTurnMapper.String(root, "challenge") ?? "" });
            case "event_callback":
                break;
            default:
                return Results.Ok();
        }

        var teamId = SlackTurnMapper.String(root, "team_id");
        if (teamId is null || await workspaces.FindAsync(teamId, cancellationToken) is not { } workspace)
        {
            LogNoWorkspace();
            return Results.Ok();
        }

        if (root.TryGetProperty("event", out var e) && SlackTurnMapper.String(e, "type") is "app_uninstalled" or "tokens_revoked")
        {
            await OnUninstalledAsync(teamId, cancellationToken);
            return Results.Ok();
        }

        var inbound = SlackTurnMapper.FromEvent(root, BotUserId(root) ?? workspace.BotUserId, time.GetUtcNow());
        if (inbound is null)
        {
            return Results.Ok();
        }

        if (!await deliveries.TryClaimAsync(inbound.DeliveryKeys, cancellationToken))
        {
            LogRepeat();
            return Results.Ok();
        }

        await AcceptAsync(inbound, workspace, cancellationToken);
        return Results.Ok();
    }

    private async Task<IResult> OnCommandAsync(byte[] body, CancellationToken cancellationToken)
    {
        var form = Form(body);
        if (!string.Equals(form["command"].ToString(), options.Value.SlashCommand, StringComparison.OrdinalIgnoreCase))
        {
            return Results.Ok();
        }

        if (await workspaces.FindAsync(form["team_id"].ToString(), cancellationToken) is not { } workspace
            || SlackTurnMapper.FromCommand(form, workspace.BotUserId, time.GetUtcNow()) is not { } inbound)
        {
            return Results.Ok();
        }

        await AcceptAsync(inbound, workspace, cancellationToken);

        // "in_channel" shows the command to everyone, so the group sees what the bot answers to.
        return Results.Json(new { response_type = "in_channel" });
    }

    private async Task<IResult> OnInteractionAsync(byte[] body, CancellationToken cancellationToken)
    {
        var payloadText = Form(body)["payload"].ToString();
        if (payloadText.Length == 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The interaction has no payload.");
        }

        using var document = JsonDocument.Parse(payloadText);
        var payload = document.RootElement;
        if (await workspaces.FindAsync(SlackTurnMapper.TeamOf(payload), cancellationToken) is not { } workspace)
        {
            LogNoWorkspace();
            return Results.Ok();
        }

        switch (SlackTurnMapper.String(payload, "type"))
        {
            case "block_actions":
                if (!payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
                {
                    return Results.Ok();
                }

                var action = actions[0];
                var actionId = SlackTurnMapper.String(action, "action_id") ?? "";
                if (actionId.StartsWith(BlockKitRenderer.FormActionPrefix, StringComparison.Ordinal))
                {
                    await OpenFormAsync(payload, action, workspace, cancellationToken);
                }
                else if (actionId.StartsWith(BlockKitRenderer.ButtonActionPrefix, StringComparison.Ordinal)
                         && SlackTurnMapper.FromButton(payload, action, workspace.BotUserId, time.GetUtcNow()) is { } pressed)
                {
                    await AcceptAsync(pressed, workspace, cancellationToken);
                }

                // A select that changed is read with the button press that follows.
                return Results.Ok();
            case "view_submission":
                if (SlackTurnMapper.FromSubmission(payload, workspace.BotUserId, time.GetUtcNow()) is { } submitted
                    && await conversations.FindFormAsync(submitted.Turn.Conversation, submitted.Turn.ReplyToId!, cancellationToken) is not null)
                {
                    await AcceptAsync(submitted, workspace, cancellationToken);
                }

                // An empty 200 closes the modal.
                return Results.Ok();
            default:
                return Results.Ok();
        }
    }

    /// <summary>Opens the modal of a card's form, at once: the press's trigger id is valid for 3 seconds only.</summary>
    private async Task OpenFormAsync(JsonElement payload, JsonElement action, SlackWorkspace workspace, CancellationToken cancellationToken)
    {
        var pressed = SlackTurnMapper.FromButton(payload, action, workspace.BotUserId, time.GetUtcNow());
        var trigger = SlackTurnMapper.String(payload, "trigger_id");
        var index = int.TryParse(SlackTurnMapper.String(action, "action_id")![BlockKitRenderer.FormActionPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : -1;
        if (pressed is null || trigger is null
            || await conversations.FindFormAsync(pressed.Turn.Conversation, pressed.Turn.ReplyToId!, cancellationToken) is not { } form
            || index < 0 || index >= form.Buttons.Count)
        {
            // The card was answered meanwhile (its form is gone): nothing to open.
            return;
        }

        var metadata = new FormMetadata(pressed.Turn.Conversation.ConversationId, pressed.Turn.ReplyToId!, form.Buttons[index]).ToJson();
        if (metadata.Length > FormMetadata.MaxLength)
        {
            LogFormTooLarge();
            return;
        }

        var title = action.TryGetProperty("text", out var text) ? SlackTurnMapper.String(text, "text") : null;
        var view = BlockKitRenderer.ModalFor(form, title ?? "OK", metadata);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ViewOpenTimeout);
        try
        {
            await sender.SendAsync("views.open", SlackCallKind.Read, pressed.Turn.Conversation.ConversationId, ct => OpenAsync(workspace.BotToken, trigger, view, ct), timeout.Token);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogViewNotOpened(e is SlackApiException s ? s.Error : e.GetType().Name);
        }
    }

    private async Task<bool> OpenAsync(string token, string trigger, System.Text.Json.Nodes.JsonObject view, CancellationToken cancellationToken)
    {
        await client.OpenViewAsync(token, trigger, view, cancellationToken);
        return true;
    }

    /// <summary>Remembers the conversation and queues the turn; names and locales are looked up when it runs, not before the answer.</summary>
    private async Task AcceptAsync(SlackInboundTurn accepted, SlackWorkspace workspace, CancellationToken cancellationToken)
    {
        var turn = accepted.Turn;
        var before = await conversations.SaveAsync(
            new SlackConversation(turn.Conversation, workspace.BotUserId) { Unreachable = turn.Kind == TurnKind.BotRemoved }, cancellationToken);
        if (turn.Kind == TurnKind.BotAdded && before is { Unreachable: false })
        {
            return;
        }

        if (turn.Conversation.IsPersonal && turn.Conversation.ConversationId.StartsWith('D') && turn.Kind == TurnKind.Message)
        {
            await conversations.SaveDirectMessageAsync(accepted.TeamId, turn.From.Id, turn.Conversation.ConversationId, cancellationToken);
        }

        // Stored before Slack hears its 200, so a crash after the answer loses nothing; the sender's name and locale
        // are looked up when the turn runs (SlackTurnEnricher).
        await inbound.AcceptAsync(turn, cancellationToken);
    }

    private async Task OnUninstalledAsync(string teamId, CancellationToken cancellationToken)
    {
        if (options.Value.MultiWorkspace)
        {
            await workspaces.RemoveAsync(teamId, cancellationToken);
        }
    }

    /// <summary>The bot's own user id in this workspace, from the event's authorizations.</summary>
    private static string? BotUserId(JsonElement root) =>
        root.TryGetProperty("authorizations", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(a => a.TryGetProperty("is_bot", out var bot) && bot.ValueKind == JsonValueKind.True)
                .Select(a => SlackTurnMapper.String(a, "user_id")).FirstOrDefault(id => id is not null)
            : null;

    private static FormCollection Form(byte[] body) =>
        new FormCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body)));

    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult Unauthorized() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "The request is not signed by Slack, or too old.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Slack request: {Reason}")]
    private partial void LogRefused(string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A Slack event that was already handled arrived again")]
    private partial void LogRepeat();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Slack request came from a workspace the bot has no token for")]
    private partial void LogNoWorkspace();

    [LoggerMessage(Level = LogLevel.Error, Message = "The store failed while a Slack request was received")]
    private partial void LogStoreUnavailable(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Slack request could not be read: {Error}")]
    private partial void LogMalformed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A card's form could not be opened: {Error}")]
    private partial void LogViewNotOpened(string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A card's form is too large to open in a modal")]
    private partial void LogFormTooLarge();

}
