using System.Text.Json;
using IntervisieBot.Storage.AzureTables;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Testing;
using Microsoft.AspNetCore.Http;
using static IntervisieBot.Storage.Tests.AzureTables.ScriptedServer;

namespace IntervisieBot.Storage.Tests.AzureTables;

/// <summary>
/// The requests as the service sees them and the responses as the real service (not only Azurite) writes them:
/// headers, typed JSON, query parameters, continuation, batch framing and errors.
/// </summary>
public sealed class WireFormatTests : IDisposable
{
    private const string Etag = "W/\"datetime'2026-01-05T09%3A00%3A00.0000000Z'\"";
    private static readonly AzureTableClientOptions NoRetries = new() { MaxRetryAttempts = 0 };

    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private static string KeyConnectionString(ScriptedServer server) =>
        $"AccountName=devstoreaccount1;AccountKey={AzuriteServer.AccountKey};TableEndpoint={server.Address}devstoreaccount1";

    private ITableClient Table(ScriptedServer server, AzureTableClientOptions? options = null, string? connectionString = null) =>
        AzureTableServiceClient.FromConnectionString(connectionString ?? KeyConnectionString(server), _http, options ?? NoRetries)
            .GetTableClient("meetings");

    private static Func<HttpContext, CancellationToken, Task> Multipart(string body) =>
        async (context, stopping) =>
        {
            context.Response.StatusCode = 202;
            context.Response.ContentType = "multipart/mixed; boundary=batchresponse_7c1f";
            await context.Response.WriteAsync(body.ReplaceLineEndings("\r\n"), stopping);
        };

    [Fact]
    public async Task AddEntity_SendsServiceHeaders_AndAnnotatesEveryValueJsonCannotType()
    {
        await using var server = await StartAsync(Respond(204, null, ("ETag", Etag)));
        var entity = new TableEntity("g", "r")
        {
            ["Text"] = "hallo",
            ["Count"] = 3,
            ["Big"] = 5_000_000_000L,
            ["WholeDouble"] = 2.0,
            ["Flag"] = true,
            ["Id"] = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            ["When"] = new DateTimeOffset(2026, 3, 1, 20, 30, 0, TimeSpan.FromHours(1)),
            ["Bytes"] = new byte[] { 1, 2, 3 },
            ["Nothing"] = null,
        };

        await Table(server).AddEntityAsync(entity);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/devstoreaccount1/meetings", request.PathAndQuery);
        Assert.Equal("2019-02-02", request.Headers["x-ms-version"]);
        Assert.Equal("application/json;odata=minimalmetadata", request.Headers["Accept"]);
        Assert.Equal("3.0", request.Headers["DataServiceVersion"]);
        Assert.Equal("3.0;NetFx", request.Headers["MaxDataServiceVersion"]);
        Assert.Equal("return-no-content", request.Headers["Prefer"]);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.StartsWith("SharedKey devstoreaccount1:", request.Headers["Authorization"], StringComparison.Ordinal);

        var json = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("g", json.GetProperty("PartitionKey").GetString());
        Assert.Equal("hallo", json.GetProperty("Text").GetString());
        Assert.False(json.TryGetProperty("Text@odata.type", out _));
        Assert.Equal(3, json.GetProperty("Count").GetInt32());
        Assert.Equal(("Edm.Int64", "5000000000"), (json.GetProperty("Big@odata.type").GetString(), json.GetProperty("Big").GetString()));
        Assert.Equal(("Edm.Double", 2.0), (json.GetProperty("WholeDouble@odata.type").GetString(), json.GetProperty("WholeDouble").GetDouble()));
        Assert.Equal("Edm.Boolean", json.GetProperty("Flag@odata.type").GetString());
        Assert.Equal(("Edm.Guid", "0f8fad5b-d9cb-469f-a165-70867728950e"), (json.GetProperty("Id@odata.type").GetString(), json.GetProperty("Id").GetString()));
        Assert.Equal(("Edm.DateTime", "2026-03-01T19:30:00.0000000Z"), (json.GetProperty("When@odata.type").GetString(), json.GetProperty("When").GetString()));
        Assert.Equal(("Edm.Binary", "AQID"), (json.GetProperty("Bytes@odata.type").GetString(), json.GetProperty("Bytes").GetString()));
        Assert.False(json.TryGetProperty("Nothing", out _));
    }

    [Fact]
    public async Task SharedKeyLiteOption_SignsWithTheLiteScheme()
    {
        await using var server = await StartAsync(Respond(200, """{"value":[]}"""));

        await Table(server, new AzureTableClientOptions { MaxRetryAttempts = 0, SharedKeyScheme = SharedKeyScheme.SharedKeyLite }).QueryAsync("g");

        Assert.StartsWith("SharedKeyLite devstoreaccount1:", server.Requests[0].Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SasConnectionString_AppendsTheSasToEveryRequest_AndSignsNothing()
    {
        const string sas = "sv=2019-02-02&ss=t&srt=sco&sp=rwdlacu&se=2030-01-01T00%3A00%3A00Z&spr=https%2Chttp&sig=abc%2Bdef%3D";
        await using var server = await StartAsync(Respond(200, """{"value":[]}"""));
        var table = Table(server, connectionString: $"TableEndpoint={server.Address}devstoreaccount1;SharedAccessSignature={sas}");

        await table.QueryAsync("g", maxPerPage: 5);
        await table.DeleteEntityAsync("g", "r", ETag.All);

        Assert.StartsWith("/devstoreaccount1/meetings()?$filter=", server.Requests[0].PathAndQuery, StringComparison.Ordinal);
        Assert.EndsWith("&$top=5&" + sas, server.Requests[0].PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("/devstoreaccount1/meetings(PartitionKey='g',RowKey='r')?" + sas, server.Requests[1].PathAndQuery);
        Assert.All(server.Requests, r => Assert.False(r.Headers.ContainsKey("Authorization")));
    }

    [Fact]
    public async Task Query_SendsThePartitionFilterAndPageSize_AndCarriesTheContinuationHeadersAcross()
    {
        await using var server = await StartAsync(
            Respond(200, """{"value":[{"odata.etag":"W/\"1\"","PartitionKey":"O'Brien","RowKey":"a","I":10}]}""",
                ("x-ms-continuation-NextPartitionKey", "1!12!TydCcmllbg--"), ("x-ms-continuation-NextRowKey", "1!4!Yg--")),
            Respond(200, """{"value":[{"odata.etag":"W/\"2\"","PartitionKey":"O'Brien","RowKey":"b","I":11}]}"""));
        var table = Table(server);

        var first = await table.QueryAsync("O'Brien", TableFilter.Create($"I ge {10}"), maxPerPage: 1);
        var second = await table.QueryAsync("O'Brien", TableFilter.Create($"I ge {10}"), maxPerPage: 1, first.ContinuationToken);

        var firstQuery = QueryOf(server.Requests[0]);
        Assert.StartsWith("/devstoreaccount1/meetings()?", server.Requests[0].PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("PartitionKey eq 'O''Brien' and (I ge 10)", firstQuery["$filter"]);
        Assert.Equal("1", firstQuery["$top"]);
        Assert.False(firstQuery.ContainsKey("NextPartitionKey"));
        var secondQuery = QueryOf(server.Requests[1]);
        Assert.Equal(("1!12!TydCcmllbg--", "1!4!Yg--"), (secondQuery["NextPartitionKey"], secondQuery["NextRowKey"]));

        Assert.Equal("W/\"1\"", Assert.Single(first.Entities).ETag.Value);
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal("b", Assert.Single(second.Entities).RowKey);
        Assert.Null(second.ContinuationToken);
    }

    [Fact]
    public async Task GetEntity_ReadsTypesFromAnnotations_AndPlainNumbersAsInt32OrDouble()
    {
        const string body = """
            {"odata.metadata":"http://x/$metadata#meetings/@Element","odata.etag":"W/\"body\"",
             "PartitionKey":"g","RowKey":"r","Timestamp":"2026-01-05T09:00:00.1234567Z",
             "Int":5,"Double":2.0,"Fraction":1.5,"Exponent":1E+300,"Text":"x","Flag":true,
             "Long@odata.type":"Edm.Int64","Long":"12",
             "WholeDouble@odata.type":"Edm.Double","WholeDouble":2,
             "Nan@odata.type":"Edm.Double","Nan":"NaN",
             "When@odata.type":"Edm.DateTime","When":"2026-03-01T19:30:00.1234567Z"}
            """;
        await using var server = await StartAsync(Respond(200, body, ("ETag", Etag)));

        var entity = (await Table(server).GetEntityIfExistsAsync("g", "r"))!;

        Assert.Equal(Etag, entity.ETag.Value);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero).AddTicks(1234567), entity.Timestamp);
        Assert.False(entity.ContainsKey("Timestamp"));
        Assert.False(entity.ContainsKey("odata.etag"));
        Assert.Equal(5, entity["Int"]);
        Assert.Equal(2.0, Assert.IsType<double>(entity["Double"]));
        Assert.Equal(1.5, entity["Fraction"]);
        Assert.Equal(1e300, entity["Exponent"]);
        Assert.Equal(12L, entity["Long"]);
        Assert.Equal(2.0, Assert.IsType<double>(entity["WholeDouble"]));
        Assert.True(double.IsNaN(entity.GetDouble("Nan")!.Value));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 19, 30, 0, TimeSpan.Zero).AddTicks(1234567), entity["When"]);
        Assert.Equal(10, entity.Count);
    }

    [Fact]
    public async Task GetEntity_WhenTheServiceSaysResourceNotFound_ReturnsNull()
    {
        await using var server = await StartAsync(Error(404, "ResourceNotFound", "The specified resource does not exist."));

        Assert.Null(await Table(server).GetEntityIfExistsAsync("g", "r"));
    }

    [Fact]
    public async Task Delete_SendsTheETagAsIfMatch_AndAnEmptyETagMeansAny()
    {
        await using var server = await StartAsync(Respond(204));
        var table = Table(server);

        await table.DeleteEntityAsync("g", "r", new ETag(Etag));
        await table.DeleteEntityAsync("g", "r", default);

        Assert.Equal([Etag, "*"], server.Requests.Select(r => r.Headers["If-Match"]));
        Assert.All(server.Requests, r => Assert.Equal("DELETE", r.Method));
    }

    [Fact]
    public async Task Upsert_SendsMergeOrPut_WithoutIfMatch()
    {
        await using var server = await StartAsync(Respond(204, null, ("ETag", Etag)));
        var table = Table(server);

        await table.UpsertEntityAsync(new TableEntity("g", "r"), TableUpdateMode.Merge);
        await table.UpsertEntityAsync(new TableEntity("g", "r"), TableUpdateMode.Replace);

        Assert.Equal(["MERGE", "PUT"], server.Requests.Select(r => r.Method));
        Assert.All(server.Requests, r => Assert.False(r.Headers.ContainsKey("If-Match")));
    }

    [Fact]
    public async Task Batch_SendsOneChangesetOfHttpParts_AndReadsEachETag()
    {
        await using var server = await StartAsync(Multipart("""
            --batchresponse_7c1f
            Content-Type: multipart/mixed; boundary=changesetresponse_e5a2

            --changesetresponse_e5a2
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            HTTP/1.1 204 No Content
            Content-ID: 1
            ETag: W/"first"

            --changesetresponse_e5a2
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            HTTP/1.1 204 No Content
            Content-ID: 2

            --changesetresponse_e5a2--
            --batchresponse_7c1f--
            """));

        var etags = await Table(server).SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("g", "a") { ["N"] = 1 }),
            new(TableTransactionActionType.Delete, new TableEntity("g", "it's"), new ETag(Etag)),
        ]);

        Assert.Equal([new ETag("W/\"first\""), null], etags);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/devstoreaccount1/$batch", request.PathAndQuery);
        Assert.StartsWith("multipart/mixed; boundary=batch_", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains($"POST {server.Address}devstoreaccount1/meetings HTTP/1.1\r\n", request.Body, StringComparison.Ordinal);
        Assert.Contains($"DELETE {server.Address}devstoreaccount1/meetings(PartitionKey='g',RowKey='it%27%27s') HTTP/1.1\r\n", request.Body, StringComparison.Ordinal);
        Assert.Contains($"If-Match: {Etag}\r\n", request.Body, StringComparison.Ordinal);
        Assert.Contains("{\"PartitionKey\":\"g\",\"RowKey\":\"a\",\"N\":1}\r\n", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_FailureAsTheServiceWritesIt_NamesTheOperationFromTheMessagePrefix()
    {
        await using var server = await StartAsync(Multipart("""
            --batchresponse_7c1f
            Content-Type: multipart/mixed; boundary=changesetresponse_e5a2

            --changesetresponse_e5a2
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            HTTP/1.1 409 Conflict
            X-Content-Type-Options: nosniff
            Cache-Control: no-cache
            DataServiceVersion: 3.0;
            Content-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8

            {"odata.error":{"code":"EntityAlreadyExists","message":{"lang":"en-US","value":"1:The specified entity already exists.\nRequestId:5a9f\nTime:2026-01-05T09:00:00.0000000Z"}}}
            --changesetresponse_e5a2--
            --batchresponse_7c1f--
            """));

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => Table(server).SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpsertMerge, new TableEntity("g", "a")),
            new(TableTransactionActionType.Add, new TableEntity("g", "b")),
        ]));

        Assert.Equal(1, error.FailedIndex);
        var failure = Assert.IsType<EntityAlreadyExistsException>(error.Failure);
        Assert.Equal("The specified entity already exists.", failure.Message);
    }

    [Fact]
    public async Task Batch_FailureWithoutAPrefix_NamesTheOperationFromItsContentId()
    {
        await using var server = await StartAsync(Multipart("""
            --batchresponse_7c1f
            Content-Type: multipart/mixed; boundary=changesetresponse_e5a2

            --changesetresponse_e5a2
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            HTTP/1.1 412 Precondition Failed
            Content-ID: 3
            Content-Type: application/json;odata=minimalmetadata;charset=utf-8

            {"odata.error":{"code":"UpdateConditionNotSatisfied","message":{"lang":"en-US","value":"The update condition specified in the request was not satisfied."}}}
            --changesetresponse_e5a2--
            --batchresponse_7c1f--
            """));

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => Table(server).SubmitTransactionAsync(
            Enumerable.Range(0, 4).Select(i => new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity("g", $"r{i}"), new ETag(Etag)))));

        Assert.Equal(2, error.FailedIndex);
        Assert.IsType<ETagMismatchException>(error.Failure);
    }

    [Fact]
    public async Task Batch_RefusedAsAWhole_FailsWithoutNamingAnOperation()
    {
        await using var server = await StartAsync(Error(400, "InvalidInput", "Bad batch."));

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(
            () => Table(server).SubmitTransactionAsync([new(TableTransactionActionType.Add, new TableEntity("g", "a"))]));

        Assert.Null(error.FailedIndex);
        Assert.Equal((400, "InvalidInput"), (error.Status, error.ErrorCode));
    }

    [Fact]
    public async Task Query_WithATokenThisStoreDidNotIssue_IsRefusedBeforeAnyRequest()
    {
        await using var server = await StartAsync(Respond(200, """{"value":[]}"""));

        await Assert.ThrowsAsync<ArgumentException>(() => Table(server).QueryAsync("g", continuationToken: "not base64url!"));

        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Logs_NameTheOperationAndStatus_ButNeverValuesKeysOrSignatures()
    {
        const string sas = "sv=2019-02-02&ss=t&srt=sco&sp=rwdlacu&se=2030-01-01T00%3A00%3A00Z&sig=c2VjcmV0c2ln";
        var logger = new CapturingLogger();
        await using var server = await StartAsync(Error(503, "ServerBusy", "Busy."), Respond(204, null, ("ETag", Etag)));
        var keyed = Table(server, new AzureTableClientOptions { Logger = logger, RetryBaseDelay = TimeSpan.Zero });
        var signed = Table(server, new AzureTableClientOptions { Logger = logger }, $"TableEndpoint={server.Address}devstoreaccount1;SharedAccessSignature={sas}");

        await keyed.AddEntityAsync(new TableEntity("g", "r") { ["Secret"] = "diagnosis: burn-out" });
        await signed.UpsertEntityAsync(new TableEntity("g", "r") { ["Secret"] = "diagnosis: burn-out" });

        var log = string.Join('\n', logger.Lines);
        Assert.Contains("InsertEntity meetings: 503", log, StringComparison.Ordinal);
        Assert.Contains("InsertEntity meetings: 204", log, StringComparison.Ordinal);
        Assert.DoesNotContain("burn-out", log, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteServer.AccountKey[..12], log, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0c2ln", log, StringComparison.Ordinal);
        Assert.DoesNotContain("SharedKey", log, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> QueryOf(RecordedRequest request) =>
        request.PathAndQuery.Split('?', 2)[1].Split('&')
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);
}
