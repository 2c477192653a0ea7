using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Storage.Protection;
using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Conversations.Tests.Privacy;

/// <summary>
/// The bot as the host composes it, on an embedded store whose file the tests can read raw, with two groups in one
/// tenant: A (Anna, Bram, Cees, Dewi, Eva) and B (Anna, Bram, Zara, Yusuf, Xavi; Anna and Bram are in both).
/// </summary>
public sealed class PrivacyBot : IDisposable
{
    public static readonly string[] NamesA = ["Anna", "Bram", "Cees", "Dewi", "Eva"];
    public static readonly string[] NamesB = ["Anna", "Bram", "Zara", "Yusuf", "Xavi"];
    public static readonly MethodDefinition Incident = MethodLibrary.BuiltIn.Get("incident");

    private readonly TempDirectory _folder;
    private readonly bool _ownsFolder;
    private readonly SqliteTableServiceClient _tables;
    private readonly TestBot _bot;

    public PrivacyBot(PrivacyProtector? protector = null, TempDirectory? folder = null, FakeTimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        _ownsFolder = folder is null;
        _folder = folder ?? new TempDirectory();
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 18, 30, 0, TimeSpan.Zero));
        _tables = new SqliteTableServiceClient(DatabasePath, "", Time);
        // With the scheduler, as the host runs it: a confirmed "forget" waits for its grace period as due work.
        _bot = new TestBot(
            Time,
            services =>
            {
                services.AddDueWork().AddSingleton<IChannelMessenger>(Channel);
                configure?.Invoke(services);
            },
            _tables,
            protector);
        A = new GroupChat(_bot.Router, Channel, new ConversationAddress("test", "test", "group-a", ConversationScope.GroupChat, "tenant"));
        B = new GroupChat(_bot.Router, Channel, new ConversationAddress("test", "test", "group-b", ConversationScope.GroupChat, "tenant"));
        Channel.MembersOf[A.Address.ConversationId] = [.. NamesA.Select(GroupChat.Member)];
        Channel.MembersOf[B.Address.ConversationId] = [.. NamesB.Select(GroupChat.Member)];
    }

    public FakeTimeProvider Time { get; }

    public RecordingMessenger Channel { get; } = new();

    public GroupChat A { get; }

    public GroupChat B { get; }

    public string DatabasePath => _folder.File("bot.db");

    public TempDirectory Folder => _folder;

    public T Get<T>()
        where T : notnull => _bot.Get<T>();

    public IReadOnlyList<RawRows.Row> Rows() => RawRows.Read(DatabasePath);

    /// <summary>Lets <paramref name="time"/> pass, then runs what the scheduler finds due.</summary>
    public async Task PassAsync(TimeSpan time)
    {
        Time.Advance(time);
        await Get<DueWorkRunner>().TickAsync();
    }

    /// <summary>Rows that name the group anywhere: in a key or in a stored property.</summary>
    public IReadOnlyList<RawRows.Row> RowsOf(GroupChat group) =>
        Rows().Where(r => r.Mentions(group.Address.ConversationId)).ToList();

    public void Dispose()
    {
        _bot.Dispose();
        _tables.Dispose();
        if (_ownsFolder)
        {
            _folder.Dispose();
        }
    }
}
