using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Storage.AzureTables;

internal static class TableHeaders
{
    public const string Date = "x-ms-date";
    public const string Version = "x-ms-version";
    public const string ServiceVersion = "2019-02-02";
    public const string JsonMinimalMetadata = "application/json;odata=minimalmetadata";
    public const string Json = "application/json";
    public const string IfMatch = "If-Match";
    public const string Prefer = "Prefer";
    public const string ReturnNoContent = "return-no-content";
    public const string NextPartitionKey = "x-ms-continuation-NextPartitionKey";
    public const string NextRowKey = "x-ms-continuation-NextRowKey";
    public const string ErrorCode = "x-ms-error-code";
}

/// <summary>
/// What to send, kept apart from <see cref="HttpRequestMessage"/> because a message can be sent only once: every
/// attempt builds its own, with a fresh date and signature.
/// </summary>
internal sealed record TableRequest(HttpMethod Method, string Operation, string? Table, string PathAndQuery)
{
    public byte[]? Body { get; init; }

    public string? ContentType { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}

/// <summary>A response read to the end, so a retry never has to worry about the previous attempt's stream.</summary>
internal sealed record TableResponse(int Status, HttpResponseHeaders Headers, string? ContentType, byte[] Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public string? Header(string name) =>
        Headers.NonValidated.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    public ETag ETagHeader() =>
        Header("ETag") is { Length: > 0 } etag
            ? new ETag(etag)
            : throw new TableStorageException(Status, "InvalidResponse", "The table service answered without an ETag.");
}

/// <summary>
/// Sends requests to the table service: common headers, credentials, retries of what may succeed on a second try
/// (5xx other than 501/505, 408, network errors, attempt timeouts), and none of what will not (every other 4xx).
/// </summary>
internal sealed class TableHttpSender
{
    private readonly string _baseAddress;
    private readonly IRequestAuthorizer _authorizer;
    private readonly HttpClient _http;
    private readonly AzureTableClientOptions _options;
    private readonly ResiliencePipeline<TableResponse> _pipeline;

    public TableHttpSender(Uri endpoint, IRequestAuthorizer authorizer, HttpClient http, AzureTableClientOptions options)
    {
        _baseAddress = endpoint.AbsoluteUri.TrimEnd('/');
        _authorizer = authorizer;
        _http = http;
        _options = options;
        _pipeline = BuildPipeline(options);
    }

    /// <summary>The address of a resource under the endpoint, without credentials (as batch parts need it).</summary>
    public Uri AddressOf(string pathAndQuery) => new(_baseAddress + "/" + pathAndQuery);

    public async Task<TableResponse> SendAsync(TableRequest request, CancellationToken cancellationToken)
    {
        var attempt = 0;
        try
        {
            return await _pipeline.ExecuteAsync(
                async token => await SendOnceAsync(request, ++attempt, token),
                cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new TableStorageException(
                408, "OperationTimedOut", $"{request.Operation} on {Describe(request)} timed out on attempt {attempt}, after {_options.AttemptTimeout}.", ex);
        }
        catch (Exception ex) when (IsNetworkFailure(ex, cancellationToken))
        {
            throw new TableStorageException(
                503, "ServiceUnreachable", $"{request.Operation} on {Describe(request)} could not reach the table service after {attempt} attempt(s): {ex.Message}", ex);
        }
    }

    private static string Describe(TableRequest request) => request.Table is null ? "the account" : $"table '{request.Table}'";

    private static bool IsTransient(int status) => status is 408 or (>= 500 and not 501 and not 505);

    /// <summary>A connection that failed, or HttpClient's own overall timeout: not the caller cancelling.</summary>
    private static bool IsNetworkFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException || (ex is OperationCanceledException { InnerException: TimeoutException } && !cancellationToken.IsCancellationRequested);

    private static ResiliencePipeline<TableResponse> BuildPipeline(AzureTableClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<TableResponse> { TimeProvider = options.TimeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            var retry = new RetryStrategyOptions<TableResponse>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: TimeoutRejectedException } => true,
                    { Exception: { } ex } => IsNetworkFailure(ex, args.Context.CancellationToken),
                    { Result: { } response } => IsTransient(response.Status),
                    _ => false,
                }),
                OnRetry = args =>
                {
                    var reason = args.Outcome.Exception is { } ex ? ex.GetType().Name : args.Outcome.Result!.Status.ToString(CultureInfo.InvariantCulture);
                    options.Logger.LogInformation(
                        "Azure Tables: retry {Retry} of {MaxRetries} after {Reason}, in {Delay} ms",
                        args.AttemptNumber + 1, options.MaxRetryAttempts, reason, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            };
            if (options.Randomizer is { } randomizer)
            {
                retry.Randomizer = randomizer;
            }

            builder.AddRetry(retry);
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    private async ValueTask<TableResponse> SendOnceAsync(TableRequest request, int attempt, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var message = await BuildMessageAsync(request, cancellationToken);
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);

        // Never the address: it holds the keys and, with a SAS, the signature.
        _options.Logger.LogDebug(
            "Azure Tables {Method} {Operation} {Table}: {Status} in {ElapsedMs:F0} ms (attempt {Attempt})",
            request.Method.Method, request.Operation, request.Table ?? "-", (int)response.StatusCode,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, attempt);

        return new TableResponse((int)response.StatusCode, response.Headers, response.Content.Headers.ContentType?.ToString(), body);
    }

    private async Task<HttpRequestMessage> BuildMessageAsync(TableRequest request, CancellationToken cancellationToken)
    {
        var message = new HttpRequestMessage(request.Method, AddressOf(request.PathAndQuery));
        try
        {
            var headers = message.Headers;
            headers.TryAddWithoutValidation(TableHeaders.Date, _options.TimeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
            headers.TryAddWithoutValidation(TableHeaders.Version, TableHeaders.ServiceVersion);
            headers.TryAddWithoutValidation("Accept", TableHeaders.JsonMinimalMetadata);
            headers.TryAddWithoutValidation("DataServiceVersion", "3.0");
            headers.TryAddWithoutValidation("MaxDataServiceVersion", "3.0;NetFx");
            foreach (var (name, value) in request.Headers)
            {
                headers.TryAddWithoutValidation(name, value);
            }

            if (request.Body is { } body)
            {
                message.Content = new ByteArrayContent(body);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType ?? TableHeaders.Json);
            }

            await _authorizer.AuthorizeAsync(message, cancellationToken);
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }
}
