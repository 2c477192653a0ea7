using System.Runtime.Versioning;

namespace IntervisieBot.Storage;

/// <summary>Folders the bot creates for what it keeps on disk: readable by their owner only (0700) on Unix.</summary>
internal static class PrivateFolder
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="folder"/> and each missing folder above it with mode 0700; existing ones are left as they are.</summary>
    [UnsupportedOSPlatform("windows")]
    public static void Create(string folder)
    {
        var missing = new Stack<string>();
        for (var current = Path.GetFullPath(folder); !string.IsNullOrEmpty(current) && !Directory.Exists(current); current = Path.GetDirectoryName(current))
        {
            missing.Push(current);
        }

        while (missing.TryPop(out var next))
        {
            // The mode only applies to the folder created last, so each is created on its own.
            Directory.CreateDirectory(next, Mode);
        }
    }
}
