using IntervisieBot.Channels.Slack.WebApi;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Channels.Slack.Installations;

/// <summary>A workspace the bot can act in: its bot token and the bot's user id there.</summary>
public sealed record SlackWorkspace(string TeamId, string BotToken, string BotUserId);

/// <summary>A stored installation; <paramref name="Bound"/> is false for a token an earlier version stored unbound to its team.</summary>
public sealed record StoredInstallation(SlackWorkspace Workspace, bool Bound);

/// <summary>
/// The workspaces the app was installed into through OAuth: table <c>SlackInstallations</c>, partition
/// <c>workspace</c>, row = the team id. The bot token is stored only encrypted (<see cref="ISlackTokenProtector"/>), bound
/// to the team id, so a token row copied under another team id does not open.
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
                ["BotToken"] = protector.Protect(installation.BotToken, Context(installation.TeamId)),
                ["BotUserId"] = installation.BotUserId,
                ["Scope"] = installation.Scope,
                ["InstalledAt"] = time.GetUtcNow(),
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    /// <summary>The workspace's installation; throws <see cref="System.Security.Cryptography.CryptographicException"/> when its token does not open for this team.</summary>
    public async Task<StoredInstallation?> FindAsync(string teamId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(Partition, StorageKey.Escape(teamId), cancellationToken);
        return entity?.GetString("BotToken") is { } token && entity.GetString("BotUserId") is { } botUser
            ? new StoredInstallation(new SlackWorkspace(teamId, protector.Unprotect(token, Context(teamId)), botUser), protector.IsBound(token))
            : null;
    }

    /// <summary>Stores the token again, bound to its team (for a token an earlier version stored unbound, once Slack confirmed its team).</summary>
    public async Task BindAsync(SlackWorkspace workspace, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        try
        {
            await table.UpdateEntityAsync(
                new TableEntity(Partition, StorageKey.Escape(workspace.TeamId)) { ["BotToken"] = protector.Protect(workspace.BotToken, Context(workspace.TeamId)) },
                ETag.All,
                TableUpdateMode.Merge,
                cancellationToken);
        }
        catch (EntityNotFoundException)
        {
            // Uninstalled meanwhile.
        }
    }

    /// <summary>The app was uninstalled or its tokens revoked: forget the token.</summary>
    public async Task RemoveAsync(string teamId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.DeleteEntityAsync(Partition, StorageKey.Escape(teamId), ETag.All, cancellationToken);
    }

    public void Dispose() => _table.Dispose();

    private static string Context(string teamId) => TableName + "|" + teamId;
}
