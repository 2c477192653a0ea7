using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace IntervisieBot.Playground;

/// <summary>
/// The page's files, embedded in the host assembly so that they are there whatever folder the host starts from. Each
/// is served with its content type and an ETag, and <c>no-cache</c>: the browser asks again every time and gets
/// a 304 until the host is rebuilt, so a changed page is never hidden behind a cached one.
/// </summary>
internal sealed class PlaygroundAssets
{
    /// <summary>Only the page's own files and the host may be reached from it; nothing runs that the page did not bring.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string ResourcePrefix = "IntervisieBot.Playground.Page.";

    /// <summary>The content type of each kind of file the page is made of; any other file in Page/ stops the host.</summary>
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
    };

    private PlaygroundAssets(IReadOnlyList<Asset> assets) => All = assets;

    public IReadOnlyList<Asset> All { get; }

    /// <summary>
    /// Every file in Page/ (the project embeds them all): index.html at <c>/</c>, the rest, such as the page's ES
    /// modules, at <c>/playground/{name}</c>, so a new module is served without being listed anywhere.
    /// </summary>
    public static PlaygroundAssets Load()
    {
        var assembly = typeof(PlaygroundAssets).Assembly;
        var assets = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                var file = name[ResourcePrefix.Length..];
                var contentType = ContentTypes.GetValueOrDefault(Path.GetExtension(file))
                    ?? throw new InvalidOperationException($"The playground file {file} has no known content type.");
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var bytes = copy.ToArray();
                var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
                return new Asset(file == "index.html" ? "/" : "/playground/" + file, bytes, contentType, etag);
            })
            .ToList();
        if (!assets.Exists(a => a.Path == "/"))
        {
            throw new InvalidOperationException($"The playground page {ResourcePrefix}index.html is not embedded in the host.");
        }

        return new PlaygroundAssets(assets);
    }

    public sealed record Asset(string Path, byte[] Content, string ContentType, EntityTagHeaderValue ETag)
    {
        public IResult Serve(HttpContext context)
        {
            var headers = context.Response.Headers;
            headers.CacheControl = "no-cache";
            headers.ETag = ETag.ToString();
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
            var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
            return ifNoneMatch.Any(tag => tag.Compare(ETag, useStrongComparison: false))
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(Content, ContentType);
        }
    }
}
