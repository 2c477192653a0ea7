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

    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/playground/playground.css", "playground.css", "text/css; charset=utf-8"),
        ("/playground/playground.js", "playground.js", "text/javascript; charset=utf-8"),
    ];

    private PlaygroundAssets(IReadOnlyList<Asset> assets) => All = assets;

    public IReadOnlyList<Asset> All { get; }

    public static PlaygroundAssets Load()
    {
        var assembly = typeof(PlaygroundAssets).Assembly;
        var assets = Files.Select(file =>
        {
            var name = "IntervisieBot.Playground.Page." + file.Resource;
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The playground file {name} is not embedded in the host.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
            return new Asset(file.Path, bytes, file.ContentType, etag);
        }).ToList();
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
