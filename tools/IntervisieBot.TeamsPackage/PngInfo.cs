using System.Buffers.Binary;

namespace IntervisieBot.TeamsPackage;

/// <summary>The size of a PNG image, from its IHDR header (the first chunk after the 8-byte signature).</summary>
internal readonly record struct PngInfo(int Width, int Height)
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The image's size, or null when <paramref name="bytes"/> do not start like a PNG file.</summary>
    public static PngInfo? TryRead(ReadOnlySpan<byte> bytes)
    {
        // signature (8), IHDR length (4) = 13, "IHDR" (4), width (4), height (4)
        if (bytes.Length < 24
            || !bytes[..8].SequenceEqual(Signature)
            || BinaryPrimitives.ReadUInt32BigEndian(bytes[8..12]) != 13
            || !bytes[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..20]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(bytes[20..24]);
        return width is 0 or > int.MaxValue || height is 0 or > int.MaxValue ? null : new PngInfo((int)width, (int)height);
    }

    public override string ToString() => $"{Width}x{Height}";
}
