using System.Collections.Concurrent;
using IntervisieBot.Channels.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Channels.Slack.Installations;

/// <summary>
/// Finds the token for a workspace: an OAuth installation when there is one, else the single workspace's
/// <c>Slack:BotToken</c> (whose bot user id is asked once with <c>auth.test</c>). Installations are cached for a few
/// minutes so a turn does not cost a read and a decryption each time.
/// </summary>
public sealed class SlackWorkspaces(IOptions<SlackOptions> options, IServiceProvider services, SlackApiClient client, SlackSender sender, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (SlackWorkspace? Workspace, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _single = new(1, 1);
    private SlackWorkspace? _configured;

    public async Task<SlackWorkspace?> FindAsync(string? teamId, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (settings.MultiWorkspace && !string.IsNullOrEmpty(teamId))
        {
            if (_cache.TryGetValue(teamId, out var cached) && cached.Until > time.GetUtcNow() && cached.Workspace is not null)
            {
                return cached.Workspace;
            }

            var installed = await services.GetRequiredService<SlackInstallationStore>().FindAsync(teamId, cancellationToken);
            if (installed is not null)
            {
                _cache[teamId] = (installed, time.GetUtcNow() + CacheLifetime);
                return installed;
            }
        }

        return string.IsNullOrWhiteSpace(settings.BotToken) ? null : await ConfiguredAsync(settings.BotToken, teamId, cancellationToken);
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

    private async Task<SlackWorkspace> ConfiguredAsync(string token, string? teamId, CancellationToken cancellationToken)
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
                _configured = new SlackWorkspace(string.IsNullOrEmpty(team) ? teamId ?? "" : team, token, userId);
            }

            return _configured;
        }
        finally
        {
            _single.Release();
        }
    }
}
