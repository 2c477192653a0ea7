using IntervisieBot.Channels.Slack.WebApi;
using IntervisieBot.Conversations.Messages;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Channels.Slack.Installations;

/// <summary>A workspace the bot can act in: its bot token and the bot's user id there.</summary>
public sealed record SlackWorkspace(string TeamId, string BotToken, string BotUserId);

/// <summary>
/// The workspaces the app was installed into through OAuth: table <c>SlackInstallations</c>, partition
/// <c>workspace</c>, row = the team id. The bot token is stored only encrypted (<see cref="ISlackTokenProtector"/>).
/// </summary>
public sealed class SlackInstallationStore(ITableServiceClient tables, ISlackTokenProtector protector, TimeProvider time) : IDisposable
{
    public const string TableName = "SlackInstallations";
    private const string Partition = "workspace";
    private readonly LazyTable _table = new(tables, TableName);

    public async Task SaveAsync(SlackInstallation installation, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(Partition, StorageKey.Escape(installation.TeamId))
            {
                ["TeamName"] = installation.TeamName,
                ["BotToken"] = protector.Protect(installation.BotToken),
                ["BotUserId"] = installation.BotUserId,
                ["Scope"] = installation.Scope,
                ["InstalledAt"] = time.GetUtcNow(),
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<SlackWorkspace?> FindAsync(string teamId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(Partition, StorageKey.Escape(teamId), cancellationToken);
        return entity?.GetString("BotToken") is { } token && entity.GetString("BotUserId") is { } botUser
            ? new SlackWorkspace(teamId, protector.Unprotect(token), botUser)
            : null;
    }

    /// <summary>The app was uninstalled or its tokens revoked: forget the token.</summary>
    public async Task RemoveAsync(string teamId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.DeleteEntityAsync(Partition, StorageKey.Escape(teamId), ETag.All, cancellationToken);
    }

    public void Dispose() => _table.Dispose();
}
