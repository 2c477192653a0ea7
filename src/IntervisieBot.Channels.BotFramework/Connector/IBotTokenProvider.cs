namespace IntervisieBot.Channels.BotFramework.Connector;

/// <summary>Bearer tokens for calls to the Bot Framework connector.</summary>
public interface IBotTokenProvider
{
    /// <summary>A valid token, or null when no app id is configured (local development: the connector is a local fake).</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default);
}
