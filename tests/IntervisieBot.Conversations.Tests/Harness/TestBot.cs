using IntervisieBot.Domain.Methods;
using IntervisieBot.Storage.Protection;
using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Conversations.Tests.Harness;

/// <summary>
/// The bot as the host composes it (<c>AddConversations()</c>), on a SQLite store in a temporary folder and a given
/// clock, without channels or HTTP. Tests add their own services (dialogs, handlers) through <c>configure</c>.
/// </summary>
public sealed class TestBot : IDisposable
{
    private readonly TempDirectory? _folder;
    private readonly SqliteTableServiceClient? _sqlite;
    private readonly ServiceProvider _services;

    public TestBot(TimeProvider time, Action<IServiceCollection>? configure = null, ITableServiceClient? tables = null, PrivacyProtector? protector = null)
    {
        if (tables is null)
        {
            _folder = new TempDirectory();
            _sqlite = new SqliteTableServiceClient(_folder.File("bot.db"), "", time);
            tables = _sqlite;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddSingleton(tables);
        services.AddSingleton(MethodLibrary.BuiltIn);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(protector ?? TestKeys.Protector);
        services.AddConversations();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Router = _services.GetRequiredService<IBot>();
    }

    public IBot Router { get; }

    public ITableServiceClient Tables => _services.GetRequiredService<ITableServiceClient>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public void Dispose()
    {
        _services.Dispose();
        _sqlite?.Dispose();
        _folder?.Dispose();
    }
}
