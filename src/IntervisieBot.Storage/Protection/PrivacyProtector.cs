using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace IntervisieBot.Storage.Protection;

/// <summary>
/// Encrypts what members say (case texts, contributions, the running session) before it is stored: AES-256-GCM with a
/// random 96-bit nonce per value and a 128-bit tag. Every value carries its format version and key id, so keys can
/// rotate; and it is bound to its place (<c>context</c>, e.g. table and group key) by associated data, so a value
/// copied into another group's row does not decrypt there.
/// </summary>
/// <remarks>
/// Binary form: version (1 byte) · key id length (1) · key id (ASCII) · nonce (12) · tag (16) · ciphertext.
/// Text form: <see cref="TextPrefix"/> followed by the binary form in base64.
/// </remarks>
public sealed class PrivacyProtector(KeyRing keys)
{
    public const string TextPrefix = "enc1:";
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int TagLength = 16;

    public KeyRing Keys { get; } = keys;

    public byte[] Protect(ReadOnlySpan<byte> plaintext, string context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = Keys.Current;
        var headerLength = 2 + key.Id.Length;
        var output = new byte[headerLength + NonceSize + TagSize + plaintext.Length];
        output[0] = FormatVersion;
        output[1] = (byte)key.Id.Length;
        Encoding.ASCII.GetBytes(key.Id, output.AsSpan(2));
        var nonce = output.AsSpan(headerLength, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Bytes, TagSize);
        aes.Encrypt(
            nonce,
            plaintext,
            output.AsSpan(headerLength + NonceSize + TagSize),
            output.AsSpan(headerLength + NonceSize, TagSize),
            AssociatedData(output.AsSpan(0, headerLength), context));
        return output;
    }

    /// <summary>
    /// The plaintext of a value <see cref="Protect(ReadOnlySpan{byte}, string)"/> made for the same context; throws
    /// <see cref="CryptographicException"/> when it was changed, belongs elsewhere, or its key is not configured.
    /// </summary>
    public byte[] Unprotect(ReadOnlySpan<byte> protectedValue, string context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (protectedValue.Length < 2 || protectedValue[0] != FormatVersion)
        {
            throw new CryptographicException("The value is not in a format this version can decrypt.");
        }

        var headerLength = 2 + protectedValue[1];
        if (protectedValue.Length < headerLength + NonceSize + TagSize)
        {
            throw new CryptographicException("The encrypted value is cut short.");
        }

        var keyId = Encoding.ASCII.GetString(protectedValue[2..headerLength]);
        var key = Keys.Find(keyId) ?? throw new CryptographicException(
            $"The value was encrypted with key '{keyId}', which is not configured: set it as Privacy:PreviousKeys:{keyId}.");
        var plaintext = new byte[protectedValue.Length - headerLength - NonceSize - TagSize];
        using var aes = new AesGcm(key.Bytes, TagSize);
        aes.Decrypt(
            protectedValue.Slice(headerLength, NonceSize),
            protectedValue[(headerLength + NonceSize + TagSize)..],
            protectedValue.Slice(headerLength + NonceSize, TagSize),
            plaintext,
            AssociatedData(protectedValue[..headerLength], context));
        return plaintext;
    }

    public string Protect(string plaintext, string context)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        return TextPrefix + Convert.ToBase64String(Protect(Encoding.UTF8.GetBytes(plaintext), context));
    }

    public string Unprotect(string protectedText, string context)
    {
        ArgumentNullException.ThrowIfNull(protectedText);
        if (!IsProtected(protectedText))
        {
            throw new CryptographicException("The value is not encrypted text.");
        }

        byte[] binary;
        try
        {
            binary = Convert.FromBase64String(protectedText[TextPrefix.Length..]);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("The encrypted text is damaged.", e);
        }

        return Encoding.UTF8.GetString(Unprotect(binary, context));
    }

    /// <summary>Whether a stored text is in the encrypted text form (else it was stored before encryption).</summary>
    public static bool IsProtected(string? value) => value is not null && value.StartsWith(TextPrefix, StringComparison.Ordinal);

    /// <summary>
    /// A short MAC of <paramref name="value"/> for <paramref name="purpose"/> (e.g. which conversation a button was sent
    /// to): anyone can see it, nobody without the key can make one for another value.
    /// </summary>
    public string Tag(string purpose, string value) => Base64Url.EncodeToString(Mac(Keys.Current, purpose, value));

    /// <summary>Whether <paramref name="tag"/> was made by <see cref="Tag"/> under any configured key; in constant time.</summary>
    public bool VerifyTag(string purpose, string value, string? tag)
    {
        if (string.IsNullOrEmpty(tag) || tag.Length > 64 || !Base64Url.IsValid(tag))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[48];
        if (!Base64Url.TryDecodeFromChars(tag, given, out var written) || written != TagLength)
        {
            return false;
        }

        var match = false;
        foreach (var key in Keys.All)
        {
            match |= CryptographicOperations.FixedTimeEquals(Mac(key, purpose, value), given[..written]);
        }

        return match;
    }

    private static byte[] Mac(EncryptionKey key, string purpose, string value) =>
        HMACSHA256.HashData(key.TagKey, Encoding.UTF8.GetBytes(purpose + "\n" + value))[..TagLength];

    private static byte[] AssociatedData(ReadOnlySpan<byte> header, string context)
    {
        var contextBytes = Encoding.UTF8.GetBytes(context);
        var data = new byte[header.Length + contextBytes.Length];
        header.CopyTo(data);
        contextBytes.CopyTo(data.AsSpan(header.Length));
        return data;
    }
}
