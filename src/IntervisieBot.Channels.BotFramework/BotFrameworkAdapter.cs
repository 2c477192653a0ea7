using System.Text.Json;
using IntervisieBot.Channels.BotFramework.AdaptiveCards;
using IntervisieBot.Channels.BotFramework.Authentication;
using IntervisieBot.Channels.BotFramework.References;
using IntervisieBot.Channels.BotFramework.Schema;
using IntervisieBot.Conversations;
using IntervisieBot.Conversations.Messages;
using IntervisieBot.Storage.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IntervisieBot.Channels.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>: reads an activity, checks who sent it, remembers where the conversation lives, and hands
/// the turn to the bot. Ordinary activities are answered 200 at once and run afterwards, one at a time per
/// conversation; an <c>adaptiveCard/action</c> invoke runs at once, because its answer is the updated card.
/// Anything a client sends gets a 2xx or 4xx answer; the process never fails on input.
/// </summary>
public sealed partial class BotFrameworkAdapter(
    IBotFrameworkAuthenticator authenticator,
    ConversationReferenceStore references,
    BotFrameworkMessenger messenger,
    TurnRunner runner,
    ConversationWorkQueue queue,
    TimeProvider time,
    ILogger<BotFrameworkAdapter> logger)
{
    /// <summary>Larger than any activity a channel sends (Teams messages are at most about 28 KB).</summary>
    public const long MaxBodyBytes = 512 * 1024;

    private const int MaxIdLength = 512;

    public async Task<IResult> ProcessAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await ProcessActivityAsync(request, cancellationToken);
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

    private async Task<IResult> ProcessActivityAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (activity, problem) = await ReadAsync(request, cancellationToken);
        if (activity is null)
        {
            return problem!;
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
            default:
                break;
        }

        var turn = ActivityMapper.ToTurn(activity, time.GetUtcNow());
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

        queue.Enqueue(turn.Conversation.Key, ct => runner.RunAsync(new TurnContext(turn, messenger), ct));
        return Results.Ok();
    }

    private async Task<IResult> InvokeAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        var context = new InvokeTurnContext(turn, messenger);
        await runner.RunAsync(context, cancellationToken);
        var response = context.ReplacementCard is { Card: { } card }
            ? new InvokeResponse { StatusCode = 200, Type = AdaptiveCardRenderer.ContentType, Value = AdaptiveCardRenderer.Render(card, context.ReplacementCard.Text) }
            : new InvokeResponse { StatusCode = 200, Type = "application/vnd.microsoft.activity.message", Value = "✓" };
        return Results.Json(response, BotFrameworkJson.Options);
    }

    private static bool IsInvoke(Activity activity) => activity.IsType(ActivityTypes.Invoke);

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
        catch (JsonException e)
        {
            return (null, BadRequest($"The body is not a Bot Framework activity: {e.Message}"));
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

    /// <summary>What a usable activity lacks, or null. Every id must be present and of a sane length.</summary>
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
            ("recipient.id", activity.Recipient?.Id),
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity with {Status}: {Reason}")]
    private partial void LogRefused(int status, string? reason);

    /// <summary>The turn context of an invoke: the update of the card that was pressed becomes the invoke's answer.</summary>
    private sealed class InvokeTurnContext(IncomingTurn turn, IChannelMessenger messenger) : TurnContext(turn, messenger)
    {
        public OutgoingMessage? ReplacementCard { get; private set; }

        public override Task UpdateAsync(string messageId, OutgoingMessage message, CancellationToken cancellationToken = default)
        {
            if (ReplacementCard is null && message.Card is not null && messageId == Turn.ReplyToId)
            {
                ReplacementCard = message;
                return Task.CompletedTask;
            }

            return base.UpdateAsync(messageId, message, cancellationToken);
        }
    }
}
