using System.Security.Cryptography;
using System.Text;

namespace IntervisieBot.Storage.Protection;

/// <summary>One AES-256 key and the id stored with what it encrypts. Its bytes are never printed.</summary>
public sealed class EncryptionKey
{
    public const int Length = 32;
    private static readonly byte[] TagKeyInfo = Encoding.ASCII.GetBytes("IntervisieBot tags v1");

    public EncryptionKey(string id, byte[] bytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"An encryption key is {Length} bytes, not {bytes.Length}.", nameof(bytes));
        }

        if (id.Length > byte.MaxValue || !Ascii.IsValid(id))
        {
            throw new ArgumentException("A key id is short ASCII text.", nameof(id));
        }

        Id = id;
        Bytes = bytes;

        // Tags (MACs) use a key of their own, derived from this one, so one key never serves two algorithms.
        TagKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, bytes, Length, salt: [], info: TagKeyInfo);
    }

    public string Id { get; }

    internal byte[] Bytes { get; }

    internal byte[] TagKey { get; }

    /// <summary>The key in <paramref name="base64"/>, or null when it is not 32 bytes in base64.</summary>
    public static byte[]? TryParse(string base64)
    {
        var bytes = new byte[Length + 3];
        return Convert.TryFromBase64String(base64.Trim(), bytes, out var written) && written == Length ? bytes[..Length] : null;
    }

    public override string ToString() => $"EncryptionKey {Id}";
}

/// <summary>The key that encrypts now, and the older keys that still decrypt what they encrypted.</summary>
public sealed class KeyRing
{
    private readonly Dictionary<string, EncryptionKey> _byId = new(StringComparer.Ordinal);

    public KeyRing(EncryptionKey current, IEnumerable<EncryptionKey>? previous = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        Current = current;
        _byId[current.Id] = current;
        foreach (var key in previous ?? [])
        {
            if (!_byId.TryAdd(key.Id, key))
            {
                throw new ArgumentException($"Two keys have the id '{key.Id}'.", nameof(previous));
            }
        }
    }

    public EncryptionKey Current { get; }

    /// <summary>Every key, the current one first.</summary>
    public IEnumerable<EncryptionKey> All => _byId.Values.OrderBy(k => k == Current ? 0 : 1);

    public EncryptionKey? Find(string id) => _byId.GetValueOrDefault(id);
}
