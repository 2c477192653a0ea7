using System.Net;
using System.Security.Cryptography;
using IntervisieBot.Channels.Slack.Installations;
using IntervisieBot.Channels.Slack.Tests.Fakes;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Channels.Slack.Tests.Installations;

/// <summary>Installing the app into another workspace with OAuth v2, and its token kept encrypted.</summary>
public sealed class InstallationTests : IAsyncLifetime
{
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly RecordingBot _bot = new();
    private SlackTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackTestHost.StartAsync(_bot, settings: new Dictionary<string, string?>
    {
        ["Slack:ClientId"] = "1234.5678",
        ["Slack:ClientSecret"] = "client-secret",
        ["Slack:TokenEncryptionKey"] = Key,
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(string State, string Cookie)> StartInstallAsync()
    {
        using var handlerless = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host.Client.BaseAddress };
        using var response = await handlerless.GetAsync(new Uri("/api/slack/install", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("https://slack.com/oauth/v2/authorize?client_id=1234.5678&scope=", location.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("chat%3Awrite", location.AbsoluteUri, StringComparison.Ordinal);
        var state = Uri.UnescapeDataString(location.Query.Split('&').Single(p => p.StartsWith("state=", StringComparison.Ordinal))["state=".Length..]);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("; secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        var cookie = setCookie.Split(';')[0];
        return (state, cookie);
    }

    private async Task<HttpResponseMessage> CompleteAsync(string query, string? cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host.Client.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/slack/oauth?" + query);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task AnInstallation_StoresTheWorkspacesTokenEncrypted_AndTheBotAnswersThereWithIt()
    {
        var (state, cookie) = await StartInstallAsync();

        using var completed = await CompleteAsync("code=good-code&state=" + Uri.EscapeDataString(state), cookie);

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Contains("IntervisieBot is installed", await completed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var table = _host.Tables.GetTableClient(SlackInstallationStore.TableName);
        var row = Assert.Single((await table.QueryAsync("workspace")).Entities);
        Assert.Equal("T0OTHER", row.RowKey);
        Assert.DoesNotContain(row.Values, v => v is string s && s.Contains("xoxb-installed-secret-token", StringComparison.Ordinal));
        Assert.StartsWith("v2.", row.GetString("BotToken"), StringComparison.Ordinal);

        var mention = SlackRequests.MessageEvent("Ev1", "app_mention", "U0ANNA", "C0OTHER", "<@U0BOT2> help", "1.1")
            .Replace(FakeSlackApi.TeamId, "T0OTHER", StringComparison.Ordinal).Replace("\"user_id\":\"U0BOT\"", "\"user_id\":\"U0BOT2\"", StringComparison.Ordinal);
        _bot.OnTurn = (context, ct) => context.SendAsync(new OutgoingMessage("Hallo"), ct);
        using var response = await _host.SendAsync(SlackRequests.Event(mention, _host.Clock.GetUtcNow()));

        var turn = Assert.Single(_bot.Turns);
        Assert.Equal("T0OTHER", turn.Conversation.TenantId);
        Assert.Equal("help", turn.Text);
        var post = Assert.Single(_host.Slack.Succeeded, c => c.Method == "chat.postMessage");
        Assert.Equal("Bearer xoxb-installed-secret-token", post.Authorization);
    }

    [Fact]
    public async Task TheInstallCookie_IsSecureAndHttpOnly_AlsoOverPlainHttpOnThisMachine()
    {
        Assert.Equal("http", _host.Client.BaseAddress!.Scheme);

        var (_, cookie) = await StartInstallAsync();

        Assert.StartsWith(SlackInstaller.StateCookie + "=", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoredTokenCopiedUnderAnotherTeamId_DoesNotOpen_AndThatWorkspaceGetsNothing()
    {
        await InstallAsync();
        var table = _host.Tables.GetTableClient(SlackInstallationStore.TableName);
        var copy = (await table.GetEntityIfExistsAsync("workspace", "T0OTHER"))!.Clone();
        copy.RowKey = "T0THIRD";
        await table.UpsertEntityAsync(copy, Storage.Tables.TableUpdateMode.Replace);
        _bot.OnTurn = (context, ct) => context.SendAsync(new OutgoingMessage("Hallo"), ct);

        using var response = await _host.SendAsync(SlackRequests.Event(MentionFrom("T0THIRD", "Ev5"), _host.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var ours = await _host.SendAsync(SlackRequests.Event(MentionFrom("T0OTHER", "Ev6"), _host.Clock.GetUtcNow()));
        Assert.Equal("T0OTHER", Assert.Single(_bot.Turns).Conversation.TenantId);
        Assert.Single(_host.Slack.Succeeded, c => c.Method == "chat.postMessage");
    }

    [Fact]
    public async Task ATokenAnEarlierVersionStoredUnbound_IsUsedOnceSlackConfirmsItsTeam_AndIsThenStoredBound()
    {
        var table = _host.Tables.GetTableClient(SlackInstallationStore.TableName);
        await table.CreateIfNotExistsAsync();
        foreach (var team in new[] { "T0OTHER", "T0THIRD" })
        {
            // T0THIRD's row holds T0OTHER's token: Slack's auth.test says whose it is.
            await table.UpsertEntityAsync(new Storage.Tables.TableEntity("workspace", team)
            {
                ["TeamName"] = "Andere groep", ["BotToken"] = LegacyProtect(_host.Slack.Installation.Token), ["BotUserId"] = "U0BOT2", ["Scope"] = "chat:write",
            });
        }

        using var stolen = await _host.SendAsync(SlackRequests.Event(MentionFrom("T0THIRD", "Ev7"), _host.Clock.GetUtcNow()));
        using var ours = await _host.SendAsync(SlackRequests.Event(MentionFrom("T0OTHER", "Ev8"), _host.Clock.GetUtcNow()));

        Assert.Equal("T0OTHER", Assert.Single(_bot.Turns).Conversation.TenantId);
        Assert.StartsWith("v2.", (await table.GetEntityIfExistsAsync("workspace", "T0OTHER"))!.GetString("BotToken"), StringComparison.Ordinal);
        Assert.StartsWith("v1.", (await table.GetEntityIfExistsAsync("workspace", "T0THIRD"))!.GetString("BotToken"), StringComparison.Ordinal);
        Assert.Equal(2, _host.Slack.Calls.Count(c => c.Method == "auth.test" && c.Authorization == "Bearer " + _host.Slack.Installation.Token));
    }

    [Fact]
    public async Task AnInstallationWithAForeignOrMissingState_IsRefused()
    {
        var (state, cookie) = await StartInstallAsync();

        using var forged = await CompleteAsync("code=good-code&state=" + Uri.EscapeDataString(state + "0"), cookie);
        using var otherBrowser = await CompleteAsync("code=good-code&state=" + Uri.EscapeDataString(state), cookie: null);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherBrowser.StatusCode);
        Assert.DoesNotContain(_host.Slack.Calls, c => c.Method == "oauth.v2.access");
    }

    [Fact]
    public async Task ACodeSlackRefuses_InstallsNothing()
    {
        var (state, cookie) = await StartInstallAsync();

        using var response = await CompleteAsync("code=bad-code&state=" + Uri.EscapeDataString(state), cookie);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var table = _host.Tables.GetTableClient(SlackInstallationStore.TableName);
        await table.CreateIfNotExistsAsync();
        Assert.Empty((await table.QueryAsync("workspace")).Entities);
    }

    [Fact]
    public void TheProtector_RefusesAValueThatWasTamperedWith()
    {
        var protector = new AesGcmSlackTokenProtector(Microsoft.Extensions.Options.Options.Create(new SlackOptions { TokenEncryptionKey = Key }));
        var sealed1 = protector.Protect("xoxb-secret", "SlackInstallations|T0OTHER");
        var bytes = Convert.FromBase64String(sealed1[3..]);
        bytes[^1] ^= 1;

        Assert.Equal("xoxb-secret", protector.Unprotect(sealed1, "SlackInstallations|T0OTHER"));
        Assert.NotEqual(sealed1, protector.Protect("xoxb-secret", "SlackInstallations|T0OTHER"));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect("v2." + Convert.ToBase64String(bytes), "SlackInstallations|T0OTHER"));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(sealed1, "SlackInstallations|T0THIRD"));
    }

    private async Task InstallAsync()
    {
        var (state, cookie) = await StartInstallAsync();
        using var completed = await CompleteAsync("code=good-code&state=" + Uri.EscapeDataString(state), cookie);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
    }

    /// <summary>A mention of the installed bot from <paramref name="team"/>.</summary>
    private static string MentionFrom(string team, string eventId) =>
        SlackRequests.MessageEvent(eventId, "app_mention", "U0ANNA", "C0OTHER", "<@U0BOT2> help", eventId[2..] + ".1")
            .Replace(FakeSlackApi.TeamId, team, StringComparison.Ordinal).Replace("\"user_id\":\"U0BOT\"", "\"user_id\":\"U0BOT2\"", StringComparison.Ordinal);

    /// <summary>A token as versions before team binding stored it: bound to the protector's purpose only.</summary>
    private static string LegacyProtect(string token) =>
        "v1." + Convert.ToBase64String(new Storage.Protection.PrivacyProtector(new Storage.Protection.KeyRing(new Storage.Protection.EncryptionKey("slack", Convert.FromBase64String(Key))))
            .Protect(System.Text.Encoding.UTF8.GetBytes(token), "IntervisieBot.Slack.v1"));
}
