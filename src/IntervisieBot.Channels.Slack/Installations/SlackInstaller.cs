using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using IntervisieBot.Channels.Slack.WebApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Channels.Slack.Installations;

/// <summary>
/// Installation into a workspace with Slack's OAuth v2: <c>GET /api/slack/install</c> sends the browser to Slack with
/// the bot scopes and a state that is signed, expires in ten minutes, and is bound to the browser by a cookie;
/// <c>GET /api/slack/oauth</c> (the redirect URL) checks it, exchanges the code (<c>oauth.v2.access</c>) and stores the
/// workspace's token encrypted. OAuth's redirect is a GET by its nature; the state makes it a step nobody else can
/// trigger for the user.
/// </summary>
public sealed partial class SlackInstaller(
    IOptions<SlackOptions> options, SlackApiClient client, SlackInstallationStore installations, SlackWorkspaces workspaces, TimeProvider time, ILogger<SlackInstaller> logger)
{
    public const string StateCookie = "slack_install_state";

    /// <summary>The bot scopes the app asks for; the manifest (<c>manifest/slack/manifest.yml</c>) lists the same.</summary>
    public static readonly IReadOnlyList<string> BotScopes =
    [
        "app_mentions:read", "channels:history", "channels:read", "chat:write", "commands", "groups:history", "groups:read",
        "im:history", "im:write", "mpim:history", "mpim:read", "users:read",
    ];

    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    public IResult Install(HttpContext context)
    {
        var settings = options.Value;
        if (!settings.Enabled || !settings.MultiWorkspace)
        {
            return Results.NotFound();
        }

        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var state = SignState(nonce, time.GetUtcNow().ToUnixTimeSeconds());
        context.Response.Cookies.Append(StateCookie, nonce, new CookieOptions
        {
            HttpOnly = true,
            // Always: browsers keep Secure cookies on http://localhost too, and nowhere else should it travel in the clear.
            Secure = true,
            SameSite = SameSiteMode.Lax,
            MaxAge = StateLifetime,
            Path = "/api/slack",
        });
        var url = settings.AuthorizeUrl + "?client_id=" + Uri.EscapeDataString(settings.ClientId!)
            + "&scope=" + Uri.EscapeDataString(string.Join(',', BotScopes))
            + "&state=" + Uri.EscapeDataString(state);
        return Results.Redirect(url);
    }

    public async Task<IResult> CompleteAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || !settings.MultiWorkspace)
        {
            return Results.NotFound();
        }

        var query = context.Request.Query;
        if (query.ContainsKey("error"))
        {
            return Page(HttpStatusCode.OK, "The installation was cancelled. · De installatie is afgebroken.");
        }

        if (!StateIsValid(query["state"].ToString(), context.Request.Cookies[StateCookie]))
        {
            LogBadState();
            return Page(HttpStatusCode.BadRequest, "This installation link has expired or is not yours; start again. · Deze link is verlopen of niet van u; begin opnieuw.");
        }

        context.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/api/slack", Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        var code = query["code"].ToString();
        if (code.Length == 0)
        {
            return Page(HttpStatusCode.BadRequest, "Slack sent no code; start again. · Slack stuurde geen code; begin opnieuw.");
        }

        SlackInstallation installation;
        try
        {
            installation = await client.ExchangeCodeAsync(settings.ClientId!, settings.ClientSecret!, code, redirectUri: null, cancellationToken);
        }
        catch (SlackApiException e)
        {
            LogExchangeFailed(e.Error);
            return Page(HttpStatusCode.BadGateway, "Slack did not complete the installation; start again. · Slack rondde de installatie niet af; begin opnieuw.");
        }

        await installations.SaveAsync(installation, cancellationToken);
        workspaces.Forget(installation.TeamId);
        LogInstalled(SlackSender.LogId(installation.TeamId));
        return Page(HttpStatusCode.OK, "IntervisieBot is installed. Add it to your group's channel with /invite @IntervisieBot. · IntervisieBot is geïnstalleerd. Voeg hem toe aan het kanaal van uw groep met /invite @IntervisieBot.");
    }

    private string SignState(string nonce, long issuedAt)
    {
        var payload = nonce + "." + issuedAt.ToString(CultureInfo.InvariantCulture);
        return payload + "." + Convert.ToHexStringLower(Mac(payload));
    }

    private bool StateIsValid(string state, string? cookieNonce)
    {
        var parts = state.Split('.');
        if (parts.Length != 3 || string.IsNullOrEmpty(cookieNonce)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var issuedAt))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(Mac(parts[0] + "." + parts[1])));
        var age = time.GetUtcNow().ToUnixTimeSeconds() - issuedAt;
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2]))
               && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[0]), Encoding.ASCII.GetBytes(cookieNonce))
               && age >= 0 && age <= StateLifetime.TotalSeconds;
    }

    private byte[] Mac(string payload) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes("install-state:" + options.Value.SigningSecret), Encoding.UTF8.GetBytes(payload));

    private static IResult Page(HttpStatusCode status, string message) => Results.Content(
        "<!doctype html><meta charset=\"utf-8\"><title>IntervisieBot</title><p>" + WebUtility.HtmlEncode(message) + "</p>",
        "text/html; charset=utf-8",
        statusCode: (int)status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack: installed in workspace {Workspace}")]
    private partial void LogInstalled(string workspace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack: an installation came back with a state that is not valid")]
    private partial void LogBadState();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack: oauth.v2.access failed: {Error}")]
    private partial void LogExchangeFailed(string? error);
}
