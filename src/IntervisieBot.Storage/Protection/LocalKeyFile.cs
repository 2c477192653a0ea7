using System.Security.Cryptography;
using System.Text;

namespace IntervisieBot.Storage.Protection;

/// <summary>How the local key was found at start-up.</summary>
public enum LocalKeyOrigin
{
    Created,
    Found,

    /// <summary>It lay next to the database (where earlier versions put it) and was moved to the key folder.</summary>
    Moved,
}

/// <summary>The local key, where it lies, how it was found, and an old copy next to the database that was left there.</summary>
public sealed record LocalKey(EncryptionKey Key, string Path, LocalKeyOrigin Origin, string? MovedFrom = null, string? LeftBehind = null);

/// <summary>
/// The key of a local run without <c>Privacy:EncryptionKey</c>: a file created once and used from then on, one per
/// database (named by a hash of the database's full path, so two bots on one machine never share a key). It lies
/// outside the data folder, in a per-user folder (<see cref="DefaultFolder"/>, or <c>Privacy:LocalKeyPath</c>), so a
/// copy of the data folder alone opens nothing; on Unix the folder is 0700 and the file 0600. Losing it makes the
/// stored conversations unreadable.
/// </summary>
public static class LocalKeyFile
{
    /// <summary>The file name earlier versions used, next to the database; such a file is moved at start-up.</summary>
    public const string FileName = "encryption.key";

    public const string KeyId = "local";

    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The per-user folder: <c>$XDG_DATA_HOME</c> (or <c>~/.local/share</c>) on Linux, <c>%LOCALAPPDATA%</c> on Windows, then <c>IntervisieBot/keys</c>.</summary>
    public static string DefaultFolder()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(root)
            ? throw new InvalidOperationException(
                $"There is no per-user folder for the local encryption key (no home folder). Set {PrivacyOptions.SectionName}:LocalKeyPath to a folder " +
                $"only this user can read, or set {PrivacyOptions.SectionName}:EncryptionKey.")
            : Path.Combine(root, "IntervisieBot", "keys");
    }

    /// <summary>The key file of <paramref name="databasePath"/> in <paramref name="folder"/>.</summary>
    public static string PathFor(string folder, string databasePath)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(databasePath)));
        return Path.Combine(Path.GetFullPath(folder), Convert.ToHexStringLower(hash.AsSpan(0, 16)) + ".key");
    }

    /// <summary>
    /// The key of <paramref name="databasePath"/>: the one in <paramref name="folder"/>, else one found next to the
    /// database (moved into the folder), else a new one.
    /// </summary>
    public static LocalKey LoadOrCreate(string folder, string databasePath)
    {
        CreatePrivateFolder(Path.GetFullPath(folder));
        var path = PathFor(folder, databasePath);
        var old = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, FileName);
        if (File.Exists(old))
        {
            if (!File.Exists(path))
            {
                Read(old);
                try
                {
                    File.Move(old, path);
                    Restrict(path);
                    return new LocalKey(Read(path), path, LocalKeyOrigin.Moved, MovedFrom: old);
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Another process moved or made it first: use theirs (below).
                }
            }

            var key = Read(path);
            if (File.Exists(old) && File.ReadAllText(old).Trim() == File.ReadAllText(path).Trim())
            {
                File.Delete(old);
                return new LocalKey(key, path, LocalKeyOrigin.Found);
            }

            return new LocalKey(key, path, LocalKeyOrigin.Found, LeftBehind: File.Exists(old) ? old : null);
        }

        var bytes = RandomNumberGenerator.GetBytes(EncryptionKey.Length);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = PrivateFile;
            }

            using (var stream = new FileStream(path, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.WriteLine(Convert.ToBase64String(bytes));
            }

            return new LocalKey(new EncryptionKey(KeyId, bytes), path, LocalKeyOrigin.Created);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process (or an earlier run) made it first: use theirs.
            CryptographicOperations.ZeroMemory(bytes);
        }

        return new LocalKey(Read(path), path, LocalKeyOrigin.Found);
    }

    private static EncryptionKey Read(string path)
    {
        var stored = EncryptionKey.TryParse(File.ReadAllText(path))
            ?? throw new InvalidOperationException(
                $"The local encryption key {path} is damaged (it must hold 32 bytes in base64). Restore it from a backup; " +
                "deleting it makes everything stored so far unreadable.");
        return new EncryptionKey(KeyId, stored);
    }

    /// <summary>Creates the folder readable by its owner only, or makes an existing one so.</summary>
    private static void CreatePrivateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            // The per-user folder is private to its user by its ACL.
            Directory.CreateDirectory(folder);
            return;
        }

        Storage.PrivateFolder.Create(folder);
        try
        {
            if (File.GetUnixFileMode(folder) != Storage.PrivateFolder.Mode)
            {
                File.SetUnixFileMode(folder, Storage.PrivateFolder.Mode);
            }
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvalidOperationException(
                $"The folder for the local encryption key, {folder}, is readable by others and cannot be made private (it belongs to another user). " +
                $"Set {PrivacyOptions.SectionName}:LocalKeyPath to a folder of this user.", e);
        }
    }

    private static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, PrivateFile);
        }
    }
}
