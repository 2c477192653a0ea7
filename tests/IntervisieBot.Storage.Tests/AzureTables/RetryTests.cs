using IntervisieBot.Storage.AzureTables;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Testing;
using Microsoft.AspNetCore.Http;
using static IntervisieBot.Storage.Tests.AzureTables.ScriptedServer;

namespace IntervisieBot.Storage.Tests.AzureTables;

/// <summary>What is retried (5xx, 408, timeouts, network errors) and what never is (every other 4xx).</summary>
public sealed class RetryTests : IDisposable
{
    private const string Etag = "W/\"datetime'2026-01-05T09%3A00%3A00.0000000Z'\"";

    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private static AzureTableClientOptions FastRetries(int maxRetries = 3, TimeSpan? attemptTimeout = null, TimeProvider? time = null) => new()
    {
        MaxRetryAttempts = maxRetries,
        RetryBaseDelay = TimeSpan.Zero,
        AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10),
        Randomizer = () => 0.5,
        TimeProvider = time ?? TimeProvider.System,
    };

    private ITableClient Table(ScriptedServer server, AzureTableClientOptions options) =>
        AzureTableServiceClient.FromConnectionString(
            $"AccountName=devstoreaccount1;AccountKey={AzuriteServer.AccountKey};TableEndpoint={server.Address}devstoreaccount1",
            _http,
            options).GetTableClient("meetings");

    [Fact]
    public async Task AddEntity_After503ThenSuccess_SucceedsOnTheSecondAttempt()
    {
        await using var server = await StartAsync(Error(503, "ServerBusy", "The server is busy."), Respond(204, null, ("ETag", Etag)));

        var etag = await Table(server, FastRetries()).AddEntityAsync(new TableEntity("g", "r"));

        Assert.Equal(Etag, etag.Value);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Retry_RebuildsTheRequest_WithAFreshDateAndSignature()
    {
        var clock = new FakeTimeProvider();
        await using var server = await StartAsync(
            async (context, stopping) =>
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                await Error(500, "InternalError", "Oops.")(context, stopping);
            },
            Respond(204, null, ("ETag", Etag)));

        await Table(server, FastRetries(time: clock)).UpsertEntityAsync(new TableEntity("g", "r") { ["N"] = 1 });

        var (first, second) = (server.Requests[0], server.Requests[1]);
        Assert.NotEqual(first.Headers["x-ms-date"], second.Headers["x-ms-date"]);
        Assert.NotEqual(first.Headers["Authorization"], second.Headers["Authorization"]);
        Assert.Equal(first.Body, second.Body);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    public async Task Ping_OnATransientStatusEveryTime_GivesUpAfterTheLastRetry(int status)
    {
        await using var server = await StartAsync(Error(status, "Transient", "Try again."));
        var service = AzureTableServiceClient.FromConnectionString(
            $"AccountName=devstoreaccount1;AccountKey={AzuriteServer.AccountKey};TableEndpoint={server.Address}devstoreaccount1",
            _http,
            FastRetries(maxRetries: 2));

        var error = await Assert.ThrowsAsync<TableStorageException>(() => service.PingAsync());

        Assert.Equal(status, error.Status);
        Assert.Equal("Transient", error.ErrorCode);
        Assert.Equal("Try again.", error.Message);
        Assert.Equal(3, server.RequestCount);
    }

    [Theory]
    [InlineData(501)]
    [InlineData(505)]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(429)]
    public async Task Ping_OnAPermanentStatus_IsNotRetried(int status)
    {
        await using var server = await StartAsync(Error(status, "Refused", "No."));
        var service = AzureTableServiceClient.FromConnectionString(
            $"AccountName=devstoreaccount1;AccountKey={AzuriteServer.AccountKey};TableEndpoint={server.Address}devstoreaccount1",
            _http,
            FastRetries());

        var error = await Assert.ThrowsAsync<TableStorageException>(() => service.PingAsync());

        Assert.Equal(status, error.Status);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task AddEntity_On409_SendsOneRequest_AndThrowsEntityAlreadyExists()
    {
        await using var server = await StartAsync(Error(409, "EntityAlreadyExists", "The specified entity already exists."));

        var error = await Assert.ThrowsAsync<EntityAlreadyExistsException>(
            () => Table(server, FastRetries()).AddEntityAsync(new TableEntity("g", "r")));

        Assert.Equal(1, server.RequestCount);
        Assert.Equal("The specified entity already exists.", error.Message);
    }

    [Fact]
    public async Task UpdateEntity_On412_SendsOneRequest_AndThrowsETagMismatch()
    {
        await using var server = await StartAsync(Error(412, "UpdateConditionNotSatisfied", "The update condition specified in the request was not satisfied."));

        await Assert.ThrowsAsync<ETagMismatchException>(
            () => Table(server, FastRetries()).UpdateEntityAsync(new TableEntity("g", "r"), new ETag(Etag)));

        Assert.Equal(1, server.RequestCount);
        Assert.Equal(Etag, server.Requests[0].Headers["If-Match"]);
    }

    [Fact]
    public async Task GetEntity_WhenTheFirstAttemptHangs_TimesOutAndSucceedsOnTheRetry()
    {
        await using var server = await StartAsync(
            Hang(),
            Respond(200, """{"PartitionKey":"g","RowKey":"r","Timestamp":"2026-01-05T09:00:00.1234567Z","N":7}""", ("ETag", Etag)));

        var entity = await Table(server, FastRetries(attemptTimeout: TimeSpan.FromMilliseconds(200))).GetEntityIfExistsAsync("g", "r");

        Assert.Equal(7, entity!.GetInt32("N"));
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task GetEntity_WhenEveryAttemptHangs_ThrowsATimeoutAfterTheLastRetry()
    {
        await using var server = await StartAsync(Hang());
        // The attempts are counted as the client sends them: an attempt cut off after 100 ms on a busy machine may
        // never reach the server, so the server's own count can be lower.
        using var attempts = new CountingHandler(new SocketsHttpHandler());
        using var http = new HttpClient(attempts);
        var table = AzureTableServiceClient.FromConnectionString(
            $"AccountName=devstoreaccount1;AccountKey={AzuriteServer.AccountKey};TableEndpoint={server.Address}devstoreaccount1",
            http,
            FastRetries(maxRetries: 2, attemptTimeout: TimeSpan.FromMilliseconds(100))).GetTableClient("meetings");

        var error = await Assert.ThrowsAsync<TableStorageException>(() => table.GetEntityIfExistsAsync("g", "r"));

        Assert.Equal(408, error.Status);
        Assert.Equal("OperationTimedOut", error.ErrorCode);
        Assert.Equal(3, attempts.Sent);
    }

    /// <summary>Counts the requests the client sends.</summary>
    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _sent;

        public int Sent => Volatile.Read(ref _sent);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sent);
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task GetEntity_WhenTheCallerCancels_ThrowsCancellation_AndDoesNotRetry()
    {
        await using var server = await StartAsync(Hang());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Table(server, FastRetries()).GetEntityIfExistsAsync("g", "r", cancel.Token));

        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Batch_On503_IsRetriedAsAWhole()
    {
        var batchResponse = string.Join("\r\n",
            "--batchresponse_1",
            "Content-Type: multipart/mixed; boundary=changesetresponse_1",
            "",
            "--changesetresponse_1",
            "Content-Type: application/http",
            "Content-Transfer-Encoding: binary",
            "",
            "HTTP/1.1 204 No Content",
            "ETag: " + Etag,
            "",
            "",
            "--changesetresponse_1--",
            "--batchresponse_1--",
            "");
        await using var server = await StartAsync(
            Error(503, "ServerBusy", "Busy."),
            async (context, stopping) =>
            {
                context.Response.StatusCode = 202;
                context.Response.ContentType = "multipart/mixed; boundary=batchresponse_1";
                await context.Response.WriteAsync(batchResponse, stopping);
            });

        var etags = await Table(server, FastRetries()).SubmitTransactionAsync([new(TableTransactionActionType.Add, new TableEntity("g", "r"))]);

        Assert.Equal(Etag, Assert.Single(etags)!.Value.Value);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(server.Requests[0].Body, server.Requests[1].Body);
    }
}
