using System.Collections.Concurrent;
using System.Security.Cryptography;
using IntervisieBot.Channels.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Channels.Slack.Installations;

/// <summary>
/// Finds the token for a workspace: an OAuth installation when there is one, else the single workspace's
/// <c>Slack:BotToken</c> (whose bot user id and team id are asked once with <c>auth.test</c>), only for that token's own
/// team: a request from any other workspace finds nothing. Installations are cached for a few minutes so a turn does
/// not cost a read and a decryption each time.
/// </summary>
public sealed partial class SlackWorkspaces(
    IOptions<SlackOptions> options, IServiceProvider services, SlackApiClient client, SlackSender sender, TimeProvider time, ILogger<SlackWorkspaces> logger) : IDisposable
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (SlackWorkspace? Workspace, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _single = new(1, 1);
    private SlackWorkspace? _configured;

    public async Task<SlackWorkspace?> FindAsync(string? teamId, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(teamId))
        {
            // Every request and every conversation names its workspace; one that does not is nobody's.
            return null;
        }

        if (settings.MultiWorkspace)
        {
            if (_cache.TryGetValue(teamId, out var cached) && cached.Until > time.GetUtcNow() && cached.Workspace is not null)
            {
                return cached.Workspace;
            }

            var installed = await InstalledAsync(teamId, cancellationToken);
            if (installed is not null)
            {
                _cache[teamId] = (installed, time.GetUtcNow() + CacheLifetime);
                return installed;
            }
        }

        if (string.IsNullOrWhiteSpace(settings.BotToken))
        {
            return null;
        }

        var configured = await ConfiguredAsync(settings.BotToken, cancellationToken);
        if (!string.Equals(configured.TeamId, teamId, StringComparison.Ordinal))
        {
            // Signed by our app, but from a workspace Slack:BotToken does not belong to: not ours to act in.
            LogOtherWorkspace(SlackSender.LogId(teamId));
            return null;
        }

        return configured;
    }

    /// <summary>A new installation replaces what was cached for its workspace.</summary>
    public void Forget(string teamId) => _cache.TryRemove(teamId, out _);

    /// <summary>The app was uninstalled from the workspace, or its tokens revoked: the stored token goes.</summary>
    public async Task RemoveAsync(string teamId, CancellationToken cancellationToken = default)
    {
        await services.GetRequiredService<SlackInstallationStore>().RemoveAsync(teamId, cancellationToken);
        Forget(teamId);
    }

    public void Dispose() => _single.Dispose();

    /// <summary>
    /// The stored installation of the team. A token an earlier version stored unbound to its team is used only when
    /// Slack confirms (<c>auth.test</c>) that it belongs to this team, and is then stored bound.
    /// </summary>
    private async Task<SlackWorkspace?> InstalledAsync(string teamId, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<SlackInstallationStore>();
        StoredInstallation? stored;
        try
        {
            stored = await store.FindAsync(teamId, cancellationToken);
        }
        catch (CryptographicException)
        {
            LogTokenDoesNotOpen(SlackSender.LogId(teamId));
            return null;
        }

        if (stored is null || stored.Bound)
        {
            return stored?.Workspace;
        }

        var workspace = stored.Workspace;
        var (_, team) = await sender.SendAsync("auth.test", SlackCallKind.Read, "auth", ct => client.AuthTestAsync(workspace.BotToken, ct), cancellationToken);
        if (!string.Equals(team, teamId, StringComparison.Ordinal))
        {
            LogTokenOfOtherWorkspace(SlackSender.LogId(teamId));
            return null;
        }

        await store.BindAsync(workspace, cancellationToken);
        return workspace;
    }

    private async Task<SlackWorkspace> ConfiguredAsync(string token, CancellationToken cancellationToken)
    {
        if (_configured is { } known)
        {
            return known;
        }

        await _single.WaitAsync(cancellationToken);
        try
        {
            if (_configured is null)
            {
                var (userId, team) = await sender.SendAsync("auth.test", SlackCallKind.Read, "auth", ct => client.AuthTestAsync(token, ct), cancellationToken);
                _configured = new SlackWorkspace(team, token, userId);
            }

            return _configured;
        }
        finally
        {
            _single.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack: refused a request from workspace {Workspace}: Slack:BotToken belongs to another workspace")]
    private partial void LogOtherWorkspace(string workspace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack: the stored token of workspace {Workspace} does not open for that workspace (copied, damaged, or another key); reinstall the app there")]
    private partial void LogTokenDoesNotOpen(string workspace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack: the stored token of workspace {Workspace} belongs to another workspace; it is not used")]
    private partial void LogTokenOfOtherWorkspace(string workspace);
}
