using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using IntervisieBot.Conversations.Privacy;

namespace IntervisieBot.Privacy;

/// <summary>
/// <c>GET /api/export/{token}</c>: a JSON file, once, for as long as the link "export" posted works. In a group the link
/// opens the group's export; in a member's personal chat it opens that member's own prepared cases. Teams bots cannot
/// attach files in group chats, so the bot posts this link instead. The token is the only credential, so the answer is
/// never cached, indexed or sent on as a referrer, and the link is used up by the first GET (a second answers 404).
/// </summary>
public static class ExportEndpoint
{
    public const string Path = "/api/export/{token}";

    public static IEndpointConventionBuilder MapExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (string token, ExportLinkStore links, GroupData data, MemberData members, TimeProvider time, HttpResponse response, CancellationToken cancellationToken) =>
        {
            response.Headers.CacheControl = "no-store";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers["X-Robots-Tag"] = "noindex, nofollow";
            response.Headers.XContentTypeOptions = "nosniff";
            var export = await links.TakeAsync(token, cancellationToken) switch
            {
                ExportLink.Group group => await data.ExportAsync(group.Address, cancellationToken),
                ExportLink.Member member => await members.ExportAsync(member.ChannelId, member.TenantId, member.MemberId, cancellationToken),
                _ => null,
            };
            if (export is null)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "This export link is unknown, has been used, or has expired.",
                    detail: "Type 'export' again for a new link; each works once, for a short while.");
            }

            var bytes = JsonSerializer.SerializeToUtf8Bytes(export, Indented);
            var name = "intervisiebot-export-" + time.GetUtcNow().ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture) + ".json";
            return Results.File(bytes, "application/json; charset=utf-8", name);
        });

    // Readable Dutch in the file (é, ë, quotes) instead of \u escapes; it is a download, never embedded in HTML.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
