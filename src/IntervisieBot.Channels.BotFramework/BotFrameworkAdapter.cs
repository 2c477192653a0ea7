using System.Text.Json;
using IntervisieBot.Channels.BotFramework.AdaptiveCards;
using IntervisieBot.Channels.BotFramework.Authentication;
using IntervisieBot.Channels.BotFramework.References;
using IntervisieBot.Channels.BotFramework.Schema;
using IntervisieBot.Conversations;
using IntervisieBot.Conversations.Inbound;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IntervisieBot.Channels.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>: reads an activity, checks who sent it, remembers where the conversation lives, and hands
/// the turn to the bot. Ordinary activities are stored in the inbox, answered 200, and run afterwards, one at a time
/// per conversation (<see cref="InboundTurns"/>); an <c>adaptiveCard/action</c> invoke runs at once, because its answer is the updated card.
/// Anything a client sends gets a 2xx, 4xx or (store or signing keys unavailable) 503 answer; the process never fails
/// on input. With authentication off only this machine may post. The channel ids of the bot's other adapters (Slack,
/// the playground) are refused here, and what is heard here is kept under this adapter's name (<see cref="Name"/>), so
/// a forged channel id never reaches another adapter's rows. A <see cref="LocalActivityChannel"/> runs its activities
/// through the same code, under its own name.
/// </summary>
public sealed partial class BotFrameworkAdapter(
    IOptions<BotFrameworkOptions> options,
    IBotFrameworkAuthenticator authenticator,
    ConversationReferenceStore references,
    BotFrameworkMessenger messenger,
    TurnRunner runner,
    InboundTurns inbound,
    TimeProvider time,
    ILogger<BotFrameworkAdapter> logger)
{
    /// <summary>Larger than any activity a channel sends (Teams messages are at most about 28 KB).</summary>
    public const long MaxBodyBytes = 512 * 1024;

    /// <summary>The adapter name on the addresses of conversations heard at <c>/api/messages</c>.</summary>
    public const string Name = "bf";

    private const int MaxIdLength = 512;

    /// <summary>An invoke answer that is a message to the presser (a string), not a card.</summary>
    private const string MessageType = "application/vnd.microsoft.activity.message";

    /// <summary>How long a channel should wait before it retries when the signing keys could not be fetched.</summary>
    private static readonly TimeSpan KeysRetryAfter = ChannelSigningKeys.RetryIntervalWithoutKeys;

    /// <summary>Channel ids the bot's other adapters own; the Bot Framework service never sends them.</summary>
    private static readonly string[] ForeignChannelIds = ["slack", "playground"];

    /// <summary>An activity POSTed to <c>/api/messages</c>.</summary>
    public Task<IResult> ProcessAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ProcessAsync(request, null, cancellationToken);

    /// <summary>
    /// An activity from <paramref name="local"/> (which vouched for the caller itself), or, when null, one POSTed to
    /// <c>/api/messages</c>.
    /// </summary>
    public async Task<IResult> ProcessAsync(HttpRequest request, LocalActivityChannel? local, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await ProcessActivityAsync(request, local, cancellationToken);
        }
        catch (Exception e) when (e is TableStorageException or HttpRequestException or TimeoutException)
        {
            LogStoreUnavailable(e);
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The bot's store is not available; try again.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug met input it did not expect: logged in full, and the client still gets a clear answer.
            LogUnexpected(e);
            return BadRequest("The activity could not be processed.");
        }
    }

    private async Task<IResult> ProcessActivityAsync(HttpRequest request, LocalActivityChannel? local, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (local is null && !settings.AuthenticationEnabled && !ThisMachine.IsCaller(request.HttpContext))
        {
            // Without an app id nothing proves who sent an activity, so only this machine may.
            LogRefused(401, "authentication is off and the caller is not on this machine");
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                detail: "Authentication is off (no MicrosoftAppId), so only this machine may post activities.");
        }

        if (!IsJson(request.ContentType))
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "An activity is sent as application/json.");
        }

        var (activity, problem) = await ReadAsync(request, cancellationToken);
        if (activity is null)
        {
            return problem!;
        }

        if (local is null)
        {
            if (ForeignChannelIds.Contains(activity.ChannelId!.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                LogRefused(400, "a channel id of another adapter");
                return BadRequest("The activity's channel does not post to this endpoint.");
            }

            var auth = await authenticator.AuthenticateAsync(request.Headers.Authorization.ToString(), activity.ChannelId, activity.ServiceUrl, cancellationToken);
            switch (auth.Outcome)
            {
                case AuthenticationOutcome.Unauthorized:
                    LogRefused(401, auth.Reason);
                    return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: auth.Reason);
                case AuthenticationOutcome.Forbidden:
                    LogRefused(403, auth.Reason);
                    return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: auth.Reason);
                case AuthenticationOutcome.Unavailable:
                    // Not the sender's fault: the channel retries a 503, and by then the keys may be back.
                    LogRefused(503, auth.Reason);
                    request.HttpContext.Response.Headers.RetryAfter = ((int)KeysRetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The channel's signing keys are not available; try again.");
                default:
                    break;
            }
        }
        else if (!string.Equals(activity.ChannelId, local.ChannelId, StringComparison.Ordinal) || !local.OwnsConversation(activity.Conversation!.Id!))
        {
            LogRefused(400, "not a conversation of the local channel");
            return BadRequest("The activity is not for a conversation of this channel.");
        }

        var bot = local?.Bot ?? new Participant(settings.AuthenticationEnabled ? settings.MicrosoftAppId! : BotFrameworkOptions.LocalBotId, BotFrameworkOptions.BotName);
        var turn = ActivityMapper.ToTurn(activity, time.GetUtcNow(), local?.Adapter ?? Name, bot);
        if (turn is null)
        {
            return IsInvoke(activity) ? Results.Json(new InvokeResponse { StatusCode = 200 }, BotFrameworkJson.Options) : Results.Ok();
        }

        var reference = new ConversationReference(turn.Conversation, activity.ServiceUrl!, turn.Bot) { Unreachable = turn.Kind == TurnKind.BotRemoved };
        var before = await references.SaveAsync(reference, turn.Conversation.IsPersonal ? turn.From.Id : null, cancellationToken);
        if (turn.Kind == TurnKind.BotAdded && before is { Unreachable: false })
        {
            // Teams announces one installation twice (conversationUpdate and installationUpdate): welcome once.
            return Results.Ok();
        }

        if (IsInvoke(activity))
        {
            return await InvokeAsync(turn, cancellationToken);
        }

        // Stored before the channel hears its 200 (Teams never sends it again); it runs on its conversation's lane.
        await inbound.AcceptAsync(turn, cancellationToken);
        return Results.Ok();
    }

    private async Task<IResult> InvokeAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        var context = new InvokeTurnContext(turn, messenger);
        await runner.RunAsync(context, cancellationToken);
        InvokeResponse response;
        if (context.PresserAnswer is { } answer)
        {
            // Teams shows the message to the presser alone and leaves the card as it is, so a new card goes out itself.
            if (context.ReplacementCard is { } replacement)
            {
                try
                {
                    await context.UpdatePressedCardAsync(replacement, cancellationToken);
                }
                catch (Exception e) when (e is MessageGoneException or ConversationUnreachableException or Connector.ConnectorException)
                {
                    // The presser still hears why; the card just keeps what it showed.
                    LogPressedCardNotReplaced(e.GetType().Name);
                }
            }

            response = new InvokeResponse { StatusCode = 200, Type = MessageType, Value = answer };
        }
        else
        {
            response = context.ReplacementCard is { Card: { } card }
                ? new InvokeResponse { StatusCode = 200, Type = AdaptiveCardRenderer.ContentType, Value = AdaptiveCardRenderer.Render(card, context.ReplacementCard.Text) }
                : new InvokeResponse { StatusCode = 200, Type = MessageType, Value = "✓" };
        }

        return Results.Json(response, BotFrameworkJson.Options);
    }

    private static bool IsInvoke(Activity activity) => activity.IsType(ActivityTypes.Invoke);

    /// <summary><c>application/json</c>, with a charset only if it is UTF-8 (what the channels send).</summary>
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (type.Charset.Length == 0 || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static async Task<(Activity? Activity, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The activity is too large."));
        }

        Activity? activity;
        try
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(new LimitedStream(body, MaxBodyBytes), cancellationToken);
            body.Position = 0;
            activity = JsonSerializer.Deserialize<Activity>(body, BotFrameworkJson.Options);
        }
        catch (JsonException)
        {
            // The parser's own message would echo what the sender wrote; the sender knows what it sent.
            return (null, BadRequest("The body is not a Bot Framework activity."));
        }
        catch (LimitedStream.TooLargeException)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The activity is too large."));
        }
        catch (BadHttpRequestException e)
        {
            return (null, Results.Problem(statusCode: e.StatusCode, title: "The request could not be read."));
        }

        var missing = Missing(activity);
        return missing is null ? (activity, null) : (null, BadRequest(missing));
    }

    /// <summary>
    /// What a usable activity lacks, or null. The ids the bot needs must be present, and every id of a sane length.
    /// As in the official SDK, a recipient is optional (some Direct Line clients leave it out).
    /// </summary>
    private static string? Missing(Activity? activity)
    {
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The body is not a Bot Framework activity: 'type' is missing.";
        }

        var required = new (string Name, string? Value)[]
        {
            ("channelId", activity.ChannelId),
            ("serviceUrl", activity.ServiceUrl),
            ("conversation.id", activity.Conversation?.Id),
            ("from.id", activity.From?.Id),
        };
        foreach (var (name, value) in required)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return $"The activity has no '{name}'.";
            }

            if (value.Length > MaxIdLength)
            {
                return $"The activity's '{name}' is longer than {MaxIdLength} characters.";
            }
        }

        if (activity.Recipient?.Id is { Length: > MaxIdLength })
        {
            return $"The activity's 'recipient.id' is longer than {MaxIdLength} characters.";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return "The activity's 'serviceUrl' is not an http(s) address.";
        }

        return null;
    }

    private static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad activity", detail: detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "The store failed while an activity was received")]
    private partial void LogStoreUnavailable(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "An activity could not be processed")]
    private partial void LogUnexpected(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The pressed card could not be replaced beside the answer to its presser: {Reason}")]
    private partial void LogPressedCardNotReplaced(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity with {Status}: {Reason}")]
    private partial void LogRefused(int status, string? reason);

    /// <summary>
    /// The turn context of an invoke: the update of the card that was pressed becomes the invoke's answer, and so does an
    /// answer to the presser alone (only they see it; Teams keeps the card).
    /// </summary>
    private sealed class InvokeTurnContext(IncomingTurn turn, IChannelMessenger messenger) : TurnContext(turn, messenger)
    {
        private readonly List<string> _presserAnswers = [];

        public OutgoingMessage? ReplacementCard { get; private set; }

        /// <summary>What the presser alone reads (plain text: Teams shows the string as it is), or null.</summary>
        public string? PresserAnswer => _presserAnswers.Count == 0 ? null : string.Join("\n\n", _presserAnswers);

        public override Task UpdateAsync(string messageId, OutgoingMessage message, CancellationToken cancellationToken = default)
        {
            if (ReplacementCard is null && message.Card is not null && messageId == Turn.ReplyToId)
            {
                ReplacementCard = message;
                return Task.CompletedTask;
            }

            return base.UpdateAsync(messageId, message, cancellationToken);
        }

        public override Task AnswerPresserAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
        {
            _presserAnswers.Add(PlainText(message));
            return Task.CompletedTask;
        }

        public Task UpdatePressedCardAsync(OutgoingMessage card, CancellationToken cancellationToken) =>
            base.UpdateAsync(Turn.ReplyToId!, card, cancellationToken);

        /// <summary>The message's text without markdown marks or mention tokens; a card-only message says its title.</summary>
        private static string PlainText(OutgoingMessage message)
        {
            var text = message.Text;
            foreach (var mentioned in message.Mentions)
            {
                text = text.Replace(OutgoingMessage.Mention(mentioned), mentioned.Name, StringComparison.Ordinal);
            }

            return text.Replace("**", "", StringComparison.Ordinal).Trim();
        }
    }
}
