using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using IntervisieBot.Conversations.Privacy;

namespace IntervisieBot.Privacy;

/// <summary>
/// The link "export" posts. In a group it opens the group's export; in a member's personal chat that member's own
/// prepared cases. Teams bots cannot attach files in group chats, so the bot posts this link instead.
/// <list type="bullet">
/// <item><c>GET /api/export/{token}</c> shows a small page with a download button and uses nothing up: link previews
/// (Teams and Slack fetch links posted in a chat) and a GET must never spend the one download.</item>
/// <item><c>POST /api/export/{token}</c> (the button) answers the JSON file once; the link is then used up.</item>
/// </list>
/// The token is the only credential, so no answer is cached, indexed, framed or sent on as a referrer.
/// </summary>
public static class ExportEndpoint
{
    public const string Path = "/api/export/{token}";

    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (string token, ExportLinkStore links, HttpResponse response, CancellationToken cancellationToken) =>
        {
            SecretLinkHeaders.Apply(response);
            response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
            return await links.IsValidAsync(token, cancellationToken)
                ? Results.Content(DownloadPage, "text/html; charset=utf-8")
                : Results.Content(GonePage, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        });

        endpoints.MapPost(Path, async (string token, ExportLinkStore links, GroupData data, MemberData members, TimeProvider time, HttpResponse response, CancellationToken cancellationToken) =>
        {
            SecretLinkHeaders.Apply(response);
            var export = await links.TakeAsync(token, cancellationToken) switch
            {
                ExportLink.Group group => await data.ExportAsync(group.Address, cancellationToken),
                ExportLink.Member member => await members.ExportAsync(member.PersonalChat, member.MemberId, cancellationToken),
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
        }).DisableAntiforgery();

        return endpoints;
    }


    // Readable Dutch in the file (é, ë, quotes) instead of \u escapes; it is a download, never embedded in HTML.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The page does not know the reader's language, so it says everything in both; it holds no data of the group.
    private const string Style = "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#222}"
        + "button{font:inherit;padding:.5rem 1.2rem;border-radius:6px;border:1px solid #464775;background:#464775;color:#fff;cursor:pointer}"
        + "p.en{color:#555}</style>";

    private const string DownloadPage = "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">"
        + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>IntervisieBot export</title>" + Style + "</head><body>"
        + "<h1>IntervisieBot export</h1>"
        + "<p>Deze link werkt één keer: na het downloaden is hij verbruikt. Bewaar het bestand op een veilige plek.</p>"
        + "<p class=\"en\" lang=\"en\">This link works once: after the download it is used up. Keep the file somewhere safe.</p>"
        + "<form method=\"post\"><button type=\"submit\">Downloaden / Download</button></form>"
        + "</body></html>";

    private const string GonePage = "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">"
        + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>IntervisieBot export</title>" + Style + "</head><body>"
        + "<h1>Deze link werkt niet meer</h1>"
        + "<p>Hij is al gebruikt, verlopen of onbekend. Typ <b>export</b> in de chat voor een nieuwe link.</p>"
        + "<p class=\"en\" lang=\"en\">This link has been used, has expired or is unknown. Type <b>export</b> in the chat for a new one.</p>"
        + "</body></html>";
}
