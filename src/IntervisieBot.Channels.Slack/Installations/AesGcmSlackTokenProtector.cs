using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Channels.Slack.Installations;

/// <summary>
/// AES-256-GCM with the key from <c>Slack:TokenEncryptionKey</c>: a fresh 96-bit nonce per value, the 128-bit tag, and
/// a purpose string as associated data. Format: <c>v1.</c> + base64(nonce | tag | ciphertext). A single-workspace
/// bot (its token lives in the settings, not in the store) may leave the key out: the key for its stored forms is
/// then derived from the signing secret with HKDF, so the store alone still reads nothing.
/// </summary>
public sealed class AesGcmSlackTokenProtector : ISlackTokenProtector
{
    private const string Prefix = "v1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("IntervisieBot.Slack.v1");

    private readonly Lazy<byte[]> _key;

    /// <summary>The key is read on first use, so a host whose Slack channel is off never needs one.</summary>
    public AesGcmSlackTokenProtector(IOptions<SlackOptions> options) => _key = new Lazy<byte[]>(() => KeyFrom(options.Value));

    public static bool IsValidKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return false;
        }

        var bytes = new byte[64];
        return Convert.TryFromBase64String(key, bytes, out var length) && length == 32;
    }

    private static byte[] KeyFrom(SlackOptions settings)
    {
        if (IsValidKey(settings.TokenEncryptionKey))
        {
            return Convert.FromBase64String(settings.TokenEncryptionKey!);
        }

        return string.IsNullOrWhiteSpace(settings.SigningSecret)
            ? throw new InvalidOperationException("Slack:TokenEncryptionKey must be 32 random bytes in base64.")
            : HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(settings.SigningSecret), 32, info: Purpose);
    }

    public string Protect(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key.Value, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Purpose);
        return Prefix + Convert.ToBase64String(output);
    }

    public string Unprotect(string protectedText)
    {
        if (!protectedText.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("The value was not protected by this protector.");
        }

        byte[] input;
        try
        {
            input = Convert.FromBase64String(protectedText[Prefix.Length..]);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("The protected value is damaged.", e);
        }

        if (input.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The protected value is too short.");
        }

        var plain = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key.Value, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain, Purpose);
        return Encoding.UTF8.GetString(plain);
    }
}
