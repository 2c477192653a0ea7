using System.Security.Cryptography;

namespace IntervisieBot.Storage.Protection;

/// <summary>
/// The key of a local run without <c>Privacy:EncryptionKey</c>: a file next to the embedded database, created once
/// (readable by its owner only on Unix) and used from then on. Losing it makes the stored conversations unreadable.
/// </summary>
public static class LocalKeyFile
{
    public const string FileName = "encryption.key";
    public const string KeyId = "local";

    /// <summary>The key in <paramref name="path"/>, made first when there is none; <c>Created</c> says which.</summary>
    public static (EncryptionKey Key, bool Created) LoadOrCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var bytes = RandomNumberGenerator.GetBytes(EncryptionKey.Length);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(path, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.WriteLine(Convert.ToBase64String(bytes));
            }

            return (new EncryptionKey(KeyId, bytes), true);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process (or an earlier run) made it first: use theirs.
            CryptographicOperations.ZeroMemory(bytes);
        }

        var stored = EncryptionKey.TryParse(File.ReadAllText(path))
            ?? throw new InvalidOperationException(
                $"The local encryption key {path} is damaged (it must hold 32 bytes in base64). Restore it from a backup; " +
                "deleting it makes everything stored so far unreadable.");
        return (new EncryptionKey(KeyId, stored), false);
    }
}
