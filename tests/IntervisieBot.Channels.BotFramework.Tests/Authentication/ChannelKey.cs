using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace IntervisieBot.Channels.BotFramework.Tests.Authentication;

/// <summary>An RSA key as the channel publishes it: a key id, the public part as a JWK, and the channels it endorses.</summary>
public sealed class ChannelKey(string keyId, params string[] endorsements) : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public string KeyId { get; } = keyId;

    public SigningCredentials Credentials(string algorithm = SecurityAlgorithms.RsaSha256) =>
        new(new RsaSecurityKey(_rsa) { KeyId = KeyId }, algorithm);

    /// <summary>The JWKS entry, shaped like login.botframework.com's (which also carries x5t and x5c).</summary>
    public object ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = endorsements,
        };
    }

    public void Dispose() => _rsa.Dispose();
}

/// <summary>Generated once per run: an RSA key takes about 300 ms to make, and no test changes one.</summary>
internal static class TestKeys
{
    public static ChannelKey Teams { get; } = new("key-1", "msteams", "webchat");

    /// <summary>Another private key under <see cref="Teams"/>' key id, as a forger would use.</summary>
    public static ChannelKey Forger { get; } = new("key-1", "msteams");

    public static ChannelKey Unpublished { get; } = new("key-unknown", "msteams");

    public static ChannelKey Rotated { get; } = new("key-2", "msteams");

    public static ChannelKey WithoutEndorsements { get; } = new("key-bare");
}
