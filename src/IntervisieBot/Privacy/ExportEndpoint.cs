using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using IntervisieBot.Conversations.Privacy;

namespace IntervisieBot.Privacy;

/// <summary>
/// <c>GET /api/export/{token}</c>: the group's data as a JSON file, for as long as the link "export" posted works. Teams
/// bots cannot attach files in group chats, so the bot posts this link instead. The GET only reads; the token is the
/// only credential, so the answer is never cached, indexed or sent on as a referrer.
/// </summary>
public static class ExportEndpoint
{
    public const string Path = "/api/export/{token}";

    public static IEndpointConventionBuilder MapExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (string token, ExportLinkStore links, GroupData data, TimeProvider time, HttpResponse response, CancellationToken cancellationToken) =>
        {
            response.Headers.CacheControl = "no-store";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers["X-Robots-Tag"] = "noindex, nofollow";
            response.Headers.XContentTypeOptions = "nosniff";
            var group = await links.FindAsync(token, cancellationToken);
            if (group is null)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "This export link is unknown or has expired.",
                    detail: "Type 'export' in the group for a new link; each works for a short while.");
            }

            var export = await data.ExportAsync(group, cancellationToken);
            var bytes = JsonSerializer.SerializeToUtf8Bytes(export, Indented);
            var name = "intervisiebot-export-" + time.GetUtcNow().ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture) + ".json";
            return Results.File(bytes, "application/json; charset=utf-8", name);
        });

    // Readable Dutch in the file (é, ë, quotes) instead of \u escapes; it is a download, never embedded in HTML.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
