using System.Security.Cryptography;
using System.Text;
using IntervisieBot.Storage.Protection;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Channels.Slack.Installations;

/// <summary>
/// AES-256-GCM (the bot's own <see cref="PrivacyProtector"/>) under the key from <c>Slack:TokenEncryptionKey</c>, with a
/// purpose string and the value's place (e.g. the team id of a token) as associated data. Format: <c>v2.</c> + base64 of
/// the protector's binary form; <c>v1.</c> values (earlier versions, bound to the purpose only) still open. A single-workspace
/// bot (its token lives in the settings, not in the store) may leave the key out: the key for its stored forms is
/// then derived from the signing secret with HKDF, so the store alone still reads nothing.
/// </summary>
public sealed class AesGcmSlackTokenProtector : ISlackTokenProtector
{
    private const string Prefix = "v2.";
    private const string LegacyPrefix = "v1.";
    private const string Purpose = "IntervisieBot.Slack.v1";

    private readonly Lazy<PrivacyProtector> _protector;

    /// <summary>The key is read on first use, so a host whose Slack channel is off never needs one.</summary>
    public AesGcmSlackTokenProtector(IOptions<SlackOptions> options) =>
        _protector = new Lazy<PrivacyProtector>(() => new PrivacyProtector(new KeyRing(new EncryptionKey("slack", KeyFrom(options.Value)))));

    public static bool IsValidKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return false;
        }

        var bytes = new byte[64];
        return Convert.TryFromBase64String(key, bytes, out var length) && length == EncryptionKey.Length;
    }

    private static byte[] KeyFrom(SlackOptions settings)
    {
        if (IsValidKey(settings.TokenEncryptionKey))
        {
            return Convert.FromBase64String(settings.TokenEncryptionKey!);
        }

        return string.IsNullOrWhiteSpace(settings.SigningSecret)
            ? throw new InvalidOperationException("Slack:TokenEncryptionKey must be 32 random bytes in base64.")
            : HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(settings.SigningSecret), EncryptionKey.Length, info: Encoding.UTF8.GetBytes(Purpose));
    }

    public string Protect(string plaintext, string context) =>
        Prefix + Convert.ToBase64String(_protector.Value.Protect(Encoding.UTF8.GetBytes(plaintext), Bound(context)));

    public string Unprotect(string protectedText, string context)
    {
        var (prefix, associated) = protectedText.StartsWith(Prefix, StringComparison.Ordinal) ? (Prefix, Bound(context))
            : protectedText.StartsWith(LegacyPrefix, StringComparison.Ordinal) ? (LegacyPrefix, Purpose)
            : throw new CryptographicException("The value was not protected by this protector.");

        byte[] input;
        try
        {
            input = Convert.FromBase64String(protectedText[prefix.Length..]);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("The protected value is damaged.", e);
        }

        return Encoding.UTF8.GetString(_protector.Value.Unprotect(input, associated));
    }

    public bool IsBound(string protectedText) => protectedText.StartsWith(Prefix, StringComparison.Ordinal);

    private static string Bound(string context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Purpose + "|" + context;
    }
}
