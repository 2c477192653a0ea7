using System.Globalization;
using System.Text.Json;
using IntervisieBot.Channels.BotFramework.Schema;
using Microsoft.AspNetCore.Http.Features;

namespace IntervisieBot.Playground;

/// <summary>
/// The connector side of the Bot Framework Connector REST API v3, as far as the bot uses it, answered by the
/// <see cref="PlaygroundChannel"/>: the bot's <c>BotConnector</c> calls it at the service URL
/// <c>{origin}/playground/connector/</c> exactly as it calls Teams, with the playground's secret as its bearer token.
/// It serves only conversations the playground made (404 for any other). Errors come as Teams sends them:
/// <c>{error:{code, message}}</c>.
/// </summary>
internal static class PlaygroundConnectorEndpoints
{
    public const string ServicePath = "/playground/connector/";

    /// <summary>Teams refuses activities above about 28 KB; the playground does too, so an oversized card shows up here first.</summary>
    public const long MaxActivityBytes = 28 * 1024;

    public static void MapPlaygroundConnector(this IEndpointRouteBuilder playground)
    {
        var conversations = playground.MapGroup("/connector/v3/conversations");
        conversations.MapPost("", CreateConversationAsync);
        var conversation = conversations.MapGroup("/{conversationId}").AddEndpointFilter(OwnedConversationAsync);
        conversation.MapPost("/activities", (string conversationId, HttpRequest request, PlaygroundChannel channel) =>
            PostAsync(conversationId, null, request, channel));
        conversation.MapPost("/activities/{activityId}", (string conversationId, string activityId, HttpRequest request, PlaygroundChannel channel) =>
            PostAsync(conversationId, activityId, request, channel));
        conversation.MapPut("/activities/{activityId}", UpdateAsync);
        conversation.MapDelete("/activities/{activityId}", (string conversationId, string activityId, PlaygroundChannel channel) =>
            channel.Delete(conversationId, activityId) ? Results.Ok() : ActivityNotFound());
        conversation.MapGet("/members", (string conversationId, PlaygroundChannel channel) =>
            Json(channel.MembersOf(conversationId).Select(Account).ToList()));
        conversation.MapGet("/pagedmembers", PagedMembers);
    }

    /// <summary>Only conversations the playground made are served; any other id is unknown here, as in Teams.</summary>
    private static ValueTask<object?> OwnedConversationAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var id = http.GetRouteValue("conversationId") as string;
        return id is not null && http.RequestServices.GetRequiredService<PlaygroundChannel>().Owns(id)
            ? next(context)
            : ValueTask.FromResult<object?>(Error(StatusCodes.Status404NotFound, "ConversationNotFound", "The playground did not start this conversation."));
    }

    /// <summary>The service URL the page puts in its activities, for the host it was loaded from.</summary>
    public static string ServiceUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{ServicePath}";

    private static async Task<IResult> CreateConversationAsync(HttpRequest request, PlaygroundChannel channel)
    {
        var (parameters, problem) = await ReadAsync<ConversationParameters>(request);
        if (parameters is null)
        {
            return problem!;
        }

        if (parameters.IsGroup || parameters.Members is not [{ Id: { Length: > 0 } memberId }])
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The playground opens personal chats only: isGroup false and exactly one member.");
        }

        var id = channel.OpenPersonalConversation(memberId);
        return id is null
            ? Error(StatusCodes.Status403Forbidden, "BotNotInConversationRoster", $"'{memberId}' is not a member the playground page registered.")
            : Json(new ConversationResourceResponse { Id = id, ServiceUrl = ServiceUrl(request) }, StatusCodes.Status201Created);
    }

    private static async Task<IResult> PostAsync(string conversationId, string? replyToId, HttpRequest request, PlaygroundChannel channel)
    {
        var (activity, problem) = await ReadAsync<Activity>(request);
        return activity is null ? problem! : Json(channel.Post(conversationId, activity, replyToId), StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(string conversationId, string activityId, HttpRequest request, PlaygroundChannel channel)
    {
        var (activity, problem) = await ReadAsync<Activity>(request);
        if (activity is null)
        {
            return problem!;
        }

        return channel.Update(conversationId, activityId, activity) is { } response ? Json(response) : ActivityNotFound();
    }

    private static IResult PagedMembers(string conversationId, int? pageSize, string? continuationToken, PlaygroundChannel channel)
    {
        var members = channel.MembersOf(conversationId);
        var size = Math.Clamp(pageSize ?? 200, 1, 500);
        if (!int.TryParse(continuationToken ?? "0", NumberStyles.None, CultureInfo.InvariantCulture, out var start) || start > members.Count)
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The continuation token is not one the playground gave.");
        }

        var next = start + size;
        return Json(new PagedMembersResult
        {
            Members = members.Skip(start).Take(size).Select(Account).ToList(),
            ContinuationToken = next < members.Count ? next.ToString(CultureInfo.InvariantCulture) : null,
        });
    }

    private static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (request.ContentLength > MaxActivityBytes)
        {
            return (null, TooLarge());
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxActivityBytes;
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, BotFrameworkJson.Options, request.HttpContext.RequestAborted);
            return value is null ? (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is empty.")) : (value, null);
        }
        catch (JsonException)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is not valid JSON."));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
    }

    private static ChannelAccount Account(PlaygroundMember member) => new(member.Id, member.Name) { Role = "user" };

    private static IResult TooLarge() =>
        Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"Teams refuses activities above about {MaxActivityBytes / 1024} KB.");

    private static IResult ActivityNotFound() =>
        Error(StatusCodes.Status404NotFound, "ActivityNotFound", "The conversation does not hold that activity (any more).");

    private static IResult Error(int status, string code, string message) =>
        Json(new { error = new { code, message } }, status);

    private static IResult Json<T>(T value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, BotFrameworkJson.Options, statusCode: status);
}
