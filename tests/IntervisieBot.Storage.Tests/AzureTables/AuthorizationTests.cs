using Azure.Core;
using IntervisieBot.Storage.AzureTables;
using IntervisieBot.Testing;

namespace IntervisieBot.Storage.Tests.AzureTables;

public sealed class AuthorizationTests
{
    private const string Date = "Mon, 05 Jan 2026 09:00:00 GMT";

    private static HttpRequestMessage Request(HttpMethod method, string uri, string? contentType = null)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation("x-ms-date", Date);
        if (contentType is not null)
        {
            request.Content = new ByteArrayContent([1]);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return request;
    }

    [Fact]
    public void SharedKey_SignsVerbContentTypeDateAndTheEncodedPath_WithTheAccountTwiceOnTheEmulator()
    {
        using var request = Request(HttpMethod.Put, "http://127.0.0.1:10002/devstoreaccount1/meetings(PartitionKey='O%27%27Brien',RowKey='r%201')", "application/json");

        var stringToSign = SharedKeyAuthorizer.StringToSign(request, "devstoreaccount1", SharedKeyScheme.SharedKey);

        Assert.Equal(
            $"PUT\n\napplication/json\n{Date}\n/devstoreaccount1/devstoreaccount1/meetings(PartitionKey='O%27%27Brien',RowKey='r%201')",
            stringToSign);
    }

    [Fact]
    public void SharedKeyLite_SignsOnlyDateAndResource()
    {
        using var request = Request(HttpMethod.Post, "https://intervisie.table.core.windows.net/meetings", "application/json");

        Assert.Equal($"{Date}\n/intervisie/meetings", SharedKeyAuthorizer.StringToSign(request, "intervisie", SharedKeyScheme.SharedKeyLite));
    }

    [Fact]
    public void CanonicalizedResource_KeepsOnlyTheCompParameterOfTheQuery()
    {
        Assert.Equal("/intervisie/?comp=properties",
            SharedKeyAuthorizer.CanonicalizedResource(new Uri("https://intervisie.table.core.windows.net/?restype=service&comp=properties"), "intervisie"));
        Assert.Equal("/intervisie/meetings()",
            SharedKeyAuthorizer.CanonicalizedResource(new Uri("https://intervisie.table.core.windows.net/meetings()?$filter=PartitionKey%20eq%20'g'&$top=5"), "intervisie"));
    }

    [Fact]
    public async Task SharedKey_SetsTheAuthorizationHeader_WithSchemeAndAccount()
    {
        using var request = Request(HttpMethod.Get, "https://intervisie.table.core.windows.net/Tables");
        var authorizer = new SharedKeyAuthorizer("intervisie", Convert.FromBase64String(AzuriteServer.AccountKey), SharedKeyScheme.SharedKeyLite);

        await authorizer.AuthorizeAsync(request, CancellationToken.None);

        Assert.Equal("SharedKeyLite", request.Headers.Authorization!.Scheme);
        Assert.StartsWith("intervisie:", request.Headers.Authorization.Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BearerToken_IsFetchedOnce_ForTheStorageScope_AndReusedUntilShortlyBeforeExpiry()
    {
        var clock = new FakeTimeProvider();
        var credential = new CountingCredential(clock, TimeSpan.FromHours(1));
        var authorizer = new BearerTokenAuthorizer(credential, clock);

        var first = await AuthorizeAsync(authorizer);
        clock.Advance(TimeSpan.FromMinutes(50));
        var second = await AuthorizeAsync(authorizer);
        clock.Advance(TimeSpan.FromMinutes(6));
        var third = await AuthorizeAsync(authorizer);

        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], [first, second, third]);
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
    }

    [Fact]
    public async Task BearerToken_ConcurrentRequests_ShareOneFetch()
    {
        var clock = new FakeTimeProvider();
        var credential = new CountingCredential(clock, TimeSpan.FromHours(1)) { Gate = new TaskCompletionSource() };
        var authorizer = new BearerTokenAuthorizer(credential, clock);

        var waiting = Enumerable.Range(0, 8).Select(_ => AuthorizeAsync(authorizer)).ToList();
        credential.Gate.SetResult();
        var headers = await Task.WhenAll(waiting);

        Assert.All(headers, h => Assert.Equal("Bearer token-1", h));
        Assert.Equal(1, credential.Calls);
    }

    [Fact]
    public async Task BearerToken_AfterAFailedFetch_TriesAgainOnTheNextRequest()
    {
        var clock = new FakeTimeProvider();
        var credential = new CountingCredential(clock, TimeSpan.FromHours(1)) { FailFirst = true };
        var authorizer = new BearerTokenAuthorizer(credential, clock);

        await Assert.ThrowsAsync<InvalidOperationException>(() => AuthorizeAsync(authorizer));
        var header = await AuthorizeAsync(authorizer);

        Assert.Equal("Bearer token-2", header);
    }

    [Fact]
    public void FromTokenCredential_OverPlainHttp_IsRefused()
    {
        using var http = new HttpClient();
        var credential = new CountingCredential(TimeProvider.System, TimeSpan.FromHours(1));

        Assert.Throws<ArgumentException>(() => AzureTableServiceClient.FromTokenCredential(new Uri("http://intervisie.table.core.windows.net"), credential, http));
    }

    private static async Task<string> AuthorizeAsync(BearerTokenAuthorizer authorizer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://intervisie.table.core.windows.net/Tables");
        await authorizer.AuthorizeAsync(request, CancellationToken.None);
        return request.Headers.Authorization!.ToString();
    }

    /// <summary>Hands out token-1, token-2, ... each valid for <paramref name="lifetime"/> from the clock's now.</summary>
    private sealed class CountingCredential(TimeProvider clock, TimeSpan lifetime) : TokenCredential
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public List<string> Scopes { get; } = [];

        public TaskCompletionSource? Gate { get; init; }

        public bool FailFirst { get; init; }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            lock (Scopes)
            {
                Scopes.Clear();
                Scopes.AddRange(requestContext.Scopes);
            }

            if (Gate is not null)
            {
                await Gate.Task;
            }

            if (FailFirst && call == 1)
            {
                throw new InvalidOperationException("The identity endpoint is down.");
            }

            return new AccessToken($"token-{call}", clock.GetUtcNow() + lifetime);
        }
    }
}
