using IntervisieBot.Channels.BotFramework;
using IntervisieBot.Calendar;
using IntervisieBot.Channels.Slack;
using IntervisieBot.Conversations;
using IntervisieBot.Health;
using IntervisieBot.Outbound;
using IntervisieBot.Playground;
using IntervisieBot.Privacy;
using IntervisieBot.Scheduling;
using IntervisieBot.Storage;
using Microsoft.Extensions.Configuration.Json;

namespace IntervisieBot;

public static class HostingExtensions
{
    /// <summary>
    /// The one settings file is the repository's appsettings.json; the build copies it next to the binary. Reading it
    /// from there means the host finds it whether started from the repository root, the project folder or the build
    /// output. It goes in first, so appsettings.{Environment}.json, environment variables and the command line
    /// still override it.
    /// </summary>
    public static IConfigurationBuilder AddRepositorySettings(this IConfigurationManager configuration)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var source = new JsonConfigurationSource { Path = path, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        configuration.Sources.Insert(0, source);
        return configuration;
    }

    public static WebApplicationBuilder AddIntervisieBot(this WebApplicationBuilder builder)
    {
        builder.Services.AddStorage();
        builder.Services.AddConversations();
        builder.Services.AddScheduler();
        builder.Services.AddOutboundInstances();
        builder.Services.AddBotFrameworkChannel();
        builder.Services.AddSlackChannel(builder.Configuration);
        builder.Services.AddPlayground();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return builder;
    }

    public static WebApplication MapIntervisieBot(this WebApplication app)
    {
        app.MapHealthz();
        app.MapBotFramework();
        app.MapSlack();
        app.MapPlayground();
        app.MapExport();
        app.MapCalendar();
        return app;
    }
}
