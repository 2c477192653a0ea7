using System.Collections.Concurrent;
using IntervisieBot.Channels.Slack.Installations;
using IntervisieBot.Channels.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Channels.Slack;

/// <summary>
/// Names and locales of Slack users (<c>users.info</c>), kept in memory for <see cref="SlackOptions.UserCacheLifetime"/>
/// so a session with five members does not ask Slack on every turn. A user Slack cannot tell about keeps their id.
/// </summary>
public sealed class SlackUserDirectory(SlackApiClient client, SlackSender sender, IOptions<SlackOptions> options, TimeProvider time)
{
    private const int MaxEntries = 20_000;
    private readonly ConcurrentDictionary<string, (SlackUser User, DateTimeOffset Until)> _users = new(StringComparer.Ordinal);

    public async Task<SlackUser> GetAsync(SlackWorkspace workspace, string userId, CancellationToken cancellationToken = default)
    {
        var key = workspace.TeamId + "/" + userId;
        var now = time.GetUtcNow();
        if (_users.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return cached.User;
        }

        SlackUser user;
        try
        {
            user = await sender.SendAsync("users.info", SlackCallKind.Read, userId, ct => client.GetUserAsync(workspace.BotToken, userId, ct), cancellationToken);
        }
        catch (SlackApiException e) when (e.Error is "user_not_found" or "missing_scope")
        {
            return new SlackUser(userId, userId, null, IsBot: false, Deleted: false);
        }

        if (_users.Count >= MaxEntries)
        {
            _users.Clear();
        }

        _users[key] = (user, now + options.Value.UserCacheLifetime);
        return user;
    }
}
