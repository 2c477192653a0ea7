using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IntervisieBot.Channels.Slack.Inbound;

public enum SignatureCheck
{
    Valid,
    MissingHeaders,
    MalformedTimestamp,
    TooOld,
    FromTheFuture,
    Mismatch,
}

/// <summary>
/// Slack's request signing (v0): <c>v0=</c> + hex(HMAC-SHA256(signing secret, <c>v0:{timestamp}:{raw body}</c>)),
/// compared in constant time with <c>X-Slack-Signature</c>. A timestamp further than the allowed age from our clock,
/// either way, is refused before any hashing, so an old captured request cannot be sent again later.
/// </summary>
public static class SlackSignature
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
    private const string Version = "v0";

    public static SignatureCheck Verify(
        string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan maxAge)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.MissingHeaders;
        }

        if (timestamp.Length > 12 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.MalformedTimestamp;
        }

        var age = now.ToUnixTimeSeconds() - seconds;
        if (age > maxAge.TotalSeconds)
        {
            return SignatureCheck.TooOld;
        }

        if (-age > maxAge.TotalSeconds)
        {
            return SignatureCheck.FromTheFuture;
        }

        var expected = Compute(signingSecret, timestamp, body);
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The signature header's value for this timestamp and body, as ASCII bytes.</summary>
    public static byte[] Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(Version + ":" + timestamp + ":");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), message);
        return Encoding.ASCII.GetBytes(Version + "=" + Convert.ToHexStringLower(mac));
    }
}
