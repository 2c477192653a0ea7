using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using IntervisieBot.Channels.BotFramework;
using IntervisieBot.Channels.BotFramework.Connector;
using IntervisieBot.Dialogs.Messages;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Playground;

/// <summary>
/// The local playground: a page at <c>/</c> where a developer talks to the bot as several simulated members, in a
/// group chat and in each member's private chat, and the small channel behind it (<see cref="PlaygroundChannel"/>).
/// The page speaks the Bot Framework activity protocol to its own endpoint, <c>/playground/messages</c>, which runs
/// the activities through the Bot Framework adapter's code under the playground's own adapter name; the bot answers
/// through its ordinary connector to the service URL <c>{origin}/playground/connector/</c>, presenting the
/// playground's secret. Never through <c>/api/messages</c>.
/// </summary>
public static partial class PlaygroundExtensions
{
    public static IServiceCollection AddPlayground(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PlaygroundOptions>().BindConfiguration(PlaygroundOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PlaygroundChannel>();
        services.TryAddSingleton(_ => PlaygroundSecret.Random());
        services.AddSingleton(provider =>
        {
            var channel = provider.GetRequiredService<PlaygroundChannel>();
            return new LocalActivityChannel(
                PlaygroundChannel.Adapter,
                PlaygroundChannel.ChannelId,
                new Participant(PlaygroundChannel.BotId, PlaygroundChannel.BotName),
                provider.GetRequiredService<PlaygroundSecret>().Value,
                channel.Owns);
        });
        services.AddSingleton(_ => PlaygroundAssets.Load());
        return services;
    }

    /// <summary>
    /// Maps the page and the channel. Every endpoint answers 404 unless the playground is enabled, the caller is on this
    /// machine and presents this run's secret (<see cref="PlaygroundGuard"/>).
    /// </summary>
    public static WebApplication MapPlayground(this WebApplication app)
    {
        var site = app.MapGroup("").AddEndpointFilter<PlaygroundGuard>().ExcludeFromDescription();
        foreach (var asset in app.Services.GetRequiredService<PlaygroundAssets>().All)
        {
            site.MapGet(asset.Path, (HttpContext context) => asset.Serve(context));
        }

        var playground = site.MapGroup("/playground");
        playground.MapGet("/state", (PlaygroundChannel channel) => State(channel));
        playground.MapPut("/members", (MembersRequest body, PlaygroundChannel channel) =>
            channel.SetMembers(body.Members) is { } problem
                ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "These members cannot be used.", detail: problem)
                : State(channel));
        playground.MapPost("/group-chats", (PlaygroundChannel channel) =>
        {
            channel.StartGroupConversation();
            return State(channel, StatusCodes.Status201Created);
        });
        playground.MapGet("/events", (HttpContext context, PlaygroundChannel channel, IHostApplicationLifetime lifetime) =>
        {
            // Ends with the page, and with the host: a stream left open would hold up Ctrl+C.
            var watching = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            context.Response.RegisterForDispose(watching);
            return TypedResults.ServerSentEvents(EventsAsync(channel, watching.Token));
        });
        playground.MapPost("/messages", (HttpRequest request, BotFrameworkAdapter adapter, [FromServices] IEnumerable<LocalActivityChannel> locals, CancellationToken cancellationToken) =>
            adapter.ProcessAsync(request, locals.First(l => l.Adapter == PlaygroundChannel.Adapter), cancellationToken));
        playground.MapPlaygroundConnector();

        app.Lifetime.ApplicationStarted.Register(() => LogWhereItIs(app));
        return app;
    }

    private static IResult State(PlaygroundChannel channel, int status = StatusCodes.Status200OK) =>
        Results.Text(channel.StateJson(), "application/json; charset=utf-8", statusCode: status);

    private static async IAsyncEnumerable<SseItem<string>> EventsAsync(PlaygroundChannel channel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var change in channel.WatchAsync(cancellationToken))
        {
            yield return new SseItem<string>(change.Data, change.Type);
        }
    }

    private static void LogWhereItIs(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IntervisieBot.Playground");
        if (!app.Services.GetRequiredService<IOptions<PlaygroundOptions>>().Value.IsEnabled(app.Environment))
        {
            LogOff(logger);
            return;
        }

        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var policy = app.Services.GetRequiredService<ServiceUrlPolicy>();
        var key = Uri.EscapeDataString(app.Services.GetRequiredService<PlaygroundSecret>().Value);
        foreach (var address in addresses.Select(PageAddress).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            LogPlayground(logger, $"{address}?{PlaygroundGuard.KeyParameter}={key}");
            var serviceUrl = new Uri(new Uri(address), PlaygroundConnectorEndpoints.ServicePath);
            if (!policy.IsAllowed(serviceUrl))
            {
                LogServiceUrlRefused(logger, serviceUrl.Host);
            }
        }
    }

    /// <summary>The address to open: a wildcard binding (0.0.0.0, [::], +, *) is reached as localhost.</summary>
    private static string PageAddress(string listening)
    {
        var uri = new Uri(listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        var host = uri.Host is "0.0.0.0" or "[::]" ? "localhost" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port, "/").Uri.AbsoluteUri;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Playground: {Address} (open it in a browser on this machine to talk to the bot as several simulated members; the key is new at every start)")]
    private static partial void LogPlayground(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Playground: the bot may not answer it, because '{Host}' is not in BotFramework:AllowedServiceUrlHosts; add it there")]
    private static partial void LogServiceUrlRefused(ILogger logger, string host);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Playground: off (Playground:Enabled is false, or unset outside Development)")]
    private static partial void LogOff(ILogger logger);

    private sealed record MembersRequest(IReadOnlyList<PlaygroundMember>? Members);
}
