namespace IntervisieBot.Storage.Protection;

/// <summary>
/// The <c>Privacy</c> settings for encryption at rest. The current key encrypts; previous keys only decrypt, so a key
/// can be rotated without losing what was stored under the old one. Checked at start-up, never logged.
/// </summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>The current key: 32 random bytes in base64. Empty with the embedded store: a local key is generated.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>The id stored with every value the current key encrypts, so the right key is found to decrypt it.</summary>
    public string EncryptionKeyId { get; set; } = "k1";

    /// <summary>Keys that encrypted earlier values, by their id (<c>Privacy:PreviousKeys:{id}</c>); used only to decrypt.</summary>
    public Dictionary<string, string> PreviousKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The folder for the generated local key (embedded store without <see cref="EncryptionKey"/>); empty: the per-user
    /// folder (<see cref="LocalKeyFile.DefaultFolder"/>). A relative path is taken from the host's content root.
    /// </summary>
    public string? LocalKeyPath { get; set; }

    public bool HasKey => !string.IsNullOrWhiteSpace(EncryptionKey);
}
