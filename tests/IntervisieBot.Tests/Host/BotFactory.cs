using System.Net;
using IntervisieBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.Host;

/// <summary>The real host on the embedded store in a folder of its own; settings can be added per test.</summary>
public sealed class BotFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory? _ownFolder;
    private readonly string _databasePath;
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A host with a database of its own.</summary>
    public BotFactory()
    {
        _ownFolder = new TempDirectory();
        _databasePath = _ownFolder.File("bot.db");
    }

    /// <summary>A host on an existing database, as after a restart.</summary>
    public BotFactory(string databasePath) => _databasePath = databasePath;

    /// <summary>The SQLite file the host stores in.</summary>
    public string DatabasePath => _databasePath;

    private IPAddress _peer = IPAddress.Loopback;

    private readonly List<Action<IServiceCollection>> _services = [];

    public BotFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Makes every request without a peer (all of them, in process) come from <paramref name="peer"/> instead of this machine.</summary>
    public BotFactory FromPeer(IPAddress peer)
    {
        _peer = peer;
        return this;
    }

    /// <summary>Replaces services for one test, e.g. the bot behind the channel.</summary>
    public BotFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:SqlitePath", _databasePath);
        builder.UseSetting("Privacy:LocalKeyPath", Path.Combine(Path.GetDirectoryName(_databasePath)!, "keys"));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new DefaultPeer(_peer)));
        builder.ConfigureTestServices(services => _services.ForEach(configure => configure(services)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _ownFolder?.Dispose();
        }
    }

    /// <summary>
    /// The in-process test server has no network, so requests arrive without a peer address; they come from this
    /// machine (or the peer a test names), and say so (authentication off and the playground answer only the local
    /// machine). Requests that have a peer keep it.
    /// </summary>
    private sealed class DefaultPeer(IPAddress peer) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress ??= peer;
                return following(context);
            });
            next(app);
        };
    }
}
