using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace IntervisieBot.Playground;

/// <summary>
/// The playground's per-run secret: 32 random bytes, new at every start. The start-up log prints the page's address
/// with it; the page presents it as a cookie, the bot's connector as its bearer token. Compared in constant time.
/// </summary>
public sealed class PlaygroundSecret
{
    private readonly byte[] _hash;

    public PlaygroundSecret(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(value));
    }

    public string Value { get; }

    /// <summary>A fresh secret from the system's cryptographic random number generator.</summary>
    public static PlaygroundSecret Random() => new(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));

    public bool Matches(string? presented) =>
        !string.IsNullOrEmpty(presented)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _hash);
}
