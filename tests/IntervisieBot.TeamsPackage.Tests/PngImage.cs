using System.Buffers.Binary;
using System.IO.Compression;

namespace IntervisieBot.TeamsPackage.Tests;

/// <summary>
/// A small PNG reader for the icon tests: the IHDR header, and the pixels of 8-bit RGB or RGBA images
/// (non-interlaced, all five row filters), which is what Teams icons are.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _rgba;

    private PngImage(int width, int height, byte colorType, byte[] rgba)
    {
        Width = width;
        Height = height;
        ColorType = colorType;
        _rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>2 = RGB, 6 = RGBA.</summary>
    public byte ColorType { get; }

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return (_rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]);
        }
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        for (var i = 0; i < _rgba.Length; i += 4)
        {
            yield return (_rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]);
        }
    }

    /// <summary>Width and height from the IHDR chunk, which must come first after the signature.</summary>
    public static (int Width, int Height) ReadSize(byte[] png)
    {
        Assert.True(png.Length >= 24 && png.AsSpan(0, 8).SequenceEqual(Signature), "not a PNG file");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return ((int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(16)), (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(20)));
    }

    public static PngImage Decode(byte[] png)
    {
        var (width, height) = ReadSize(png);
        var bitDepth = png[24];
        var colorType = png[25];
        var interlace = png[28];
        Assert.True(bitDepth == 8 && colorType is 2 or 6 && interlace == 0, $"unsupported PNG: depth {bitDepth}, color type {colorType}, interlace {interlace}");

        using var compressed = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            if (type == "IDAT")
            {
                compressed.Write(png, offset + 8, length);
            }

            offset += 12 + length;
        }

        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var channels = colorType == 6 ? 4 : 3;
        var stride = width * channels;
        var data = inflated.ToArray();
        Assert.Equal(height * (stride + 1), data.Length);
        var previous = new byte[stride];
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            var row = data.AsSpan((y * (stride + 1)) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? row[i - channels] : 0;
                int up = previous[i];
                int upLeft = i >= channels ? previous[i - channels] : 0;
                row[i] = (byte)(row[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"unknown PNG row filter {filter}"),
                });
            }

            for (var x = 0; x < width; x++)
            {
                var target = ((y * width) + x) * 4;
                rgba[target] = row[x * channels];
                rgba[target + 1] = row[(x * channels) + 1];
                rgba[target + 2] = row[(x * channels) + 2];
                rgba[target + 3] = channels == 4 ? row[(x * channels) + 3] : (byte)255;
            }

            previous = row;
        }

        return new PngImage(width, height, colorType, rgba);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
