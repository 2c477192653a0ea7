using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Storage.AzureTables;

/// <summary>One table over the Table service's REST API. Holds no state of its own, so it is safe to share.</summary>
internal sealed partial class AzureTableClient(string name, TableHttpSender sender) : ITableClient
{
    private static readonly HttpMethod Merge = new("MERGE");

    public string Name { get; } = name;

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name });
        var response = await SendAsync(
            new(HttpMethod.Post, "CreateTable", Name, "Tables")
            {
                Body = body,
                Headers = [new(TableHeaders.Prefer, TableHeaders.ReturnNoContent)],
            },
            cancellationToken);

        // 409 TableAlreadyExists is the "if not exists" of the name; any other 409 (e.g. TableBeingDeleted) is not.
        if (!response.IsSuccess && !(response.Status == 409 && TableErrors.IsCode(response, TableErrors.TableAlreadyExists)))
        {
            throw TableErrors.ToException(response);
        }
    }

    public async Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        TableRules.ValidateKeys(partitionKey, rowKey);
        var response = await SendAsync(new(HttpMethod.Get, "GetEntity", Name, EntityPath(partitionKey, rowKey)), cancellationToken);
        if (response.Status == 404 && TableErrors.IsCode(response, TableErrors.ResourceNotFound))
        {
            return null;
        }

        EnsureSuccess(response);
        using var json = JsonDocument.Parse(response.Body);
        return EntityJson.Read(json.RootElement, response.ETagHeader());
    }

    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        TableRules.ValidateEntity(entity);
        var response = await SendAsync(
            new(HttpMethod.Post, "InsertEntity", Name, EscapedTableName)
            {
                Body = EntityJson.Write(entity),
                Headers = [new(TableHeaders.Prefer, TableHeaders.ReturnNoContent)],
            },
            cancellationToken);
        EnsureSuccess(response);
        return response.ETagHeader();
    }

    public Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
        WriteEntityAsync(entity, ifMatch: null, mode, cancellationToken);

    public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
        WriteEntityAsync(entity, Condition(ifMatch), mode, cancellationToken);

    public async Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        TableRules.ValidateKeys(partitionKey, rowKey);
        var response = await SendAsync(
            new(HttpMethod.Delete, "DeleteEntity", Name, EntityPath(partitionKey, rowKey))
            {
                Headers = [new(TableHeaders.IfMatch, Condition(ifMatch))],
            },
            cancellationToken);

        // Gone already is what the caller wanted; a missing table is still an error worth hearing about.
        if (response.Status == 404 && TableErrors.IsCode(response, TableErrors.ResourceNotFound))
        {
            return;
        }

        EnsureSuccess(response);
    }

    public async Task<TablePage> QueryAsync(
        string partitionKey,
        string? filter = null,
        int? maxPerPage = null,
        string? continuationToken = null,
        CancellationToken cancellationToken = default)
    {
        TableRules.ValidateKey(partitionKey, TableEntity.PartitionKeyName);
        TableRules.ValidatePageSize(maxPerPage);

        var query = new StringBuilder();
        var fullFilter = TableFilter.Create($"PartitionKey eq {partitionKey}");
        if (!string.IsNullOrWhiteSpace(filter))
        {
            fullFilter += " and (" + filter + ")";
        }

        query.Append("$filter=").Append(Uri.EscapeDataString(fullFilter));
        if (maxPerPage is { } top)
        {
            query.Append("&$top=").Append(top.ToString(CultureInfo.InvariantCulture));
        }

        if (continuationToken is not null)
        {
            var (nextPartitionKey, nextRowKey) = QueryContinuation.Decode(continuationToken);
            query.Append("&NextPartitionKey=").Append(Uri.EscapeDataString(nextPartitionKey));
            if (nextRowKey is not null)
            {
                query.Append("&NextRowKey=").Append(Uri.EscapeDataString(nextRowKey));
            }
        }

        var response = await SendAsync(new(HttpMethod.Get, "QueryEntities", Name, $"{EscapedTableName}()?{query}"), cancellationToken);
        EnsureSuccess(response);

        using var json = JsonDocument.Parse(response.Body);
        var entities = json.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(e => EntityJson.Read(e)).ToList()
            : [];
        var next = QueryContinuation.Encode(response.Header(TableHeaders.NextPartitionKey), response.Header(TableHeaders.NextRowKey));
        return new TablePage(entities, next);
    }

    public async Task<IReadOnlyList<ETag?>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        var list = TableRules.ValidateBatch(actions);
        var (body, contentType) = BatchMultipart.Write(list.Select(ToBatchOperation).ToList());
        var response = await SendAsync(
            new(HttpMethod.Post, "Batch", Name, "$batch") { Body = body, ContentType = contentType },
            cancellationToken);
        if (!response.IsSuccess)
        {
            // Refused as a whole (malformed, throttled, ...): no operation is to blame.
            throw new TableTransactionFailedException(null, TableErrors.ToException(response));
        }

        var parts = BatchMultipart.Read(response.ContentType, response.Body);
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].Status >= 300)
            {
                throw Failed(parts[i], list.Count == 1 || parts.Count == list.Count ? i : null, list.Count);
            }
        }

        if (parts.Count != list.Count)
        {
            throw new TableStorageException(
                response.Status, "InvalidResponse", $"The batch of {list.Count} operations was answered with {parts.Count} responses.");
        }

        return parts.Select((part, i) => list[i].ActionType == TableTransactionActionType.Delete
            ? (ETag?)null
            : part.Headers.TryGetValue("ETag", out var etag)
                ? new ETag(etag)
                : throw new TableStorageException(part.Status, "InvalidResponse", $"Operation {i} of the batch was answered without an ETag.")).ToList();
    }

    /// <summary>The table name as a path segment (only letters and digits, but escaped on principle).</summary>
    private string EscapedTableName => Uri.EscapeDataString(Name);

    /// <summary>An ETag as an If-Match value; an empty one means "any version", as for batch actions.</summary>
    private static string Condition(ETag etag) => string.IsNullOrEmpty(etag.Value) ? ETag.All.Value : etag.Value;

    private static string KeyLiteral(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    /// <summary>
    /// The failing operation's index: the service prefixes the message with it ("2:The specified entity ..."), and
    /// otherwise the part's Content-ID (1-based) or, when every operation was answered, its position says it.
    /// </summary>
    private static TableTransactionFailedException Failed(BatchPartResponse failure, int? position, int count)
    {
        var (code, message) = TableErrors.Read(failure.Status, Encoding.UTF8.GetBytes(failure.Body), null);
        int? index = null;
        if (IndexPrefix().Match(message) is { Success: true } match)
        {
            index = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            message = message[match.Length..];
        }
        else if (failure.Headers.TryGetValue("Content-ID", out var contentId) && int.TryParse(contentId, CultureInfo.InvariantCulture, out var id))
        {
            index = id - 1;
        }
        else
        {
            index = position;
        }

        if (index is < 0 || index >= count)
        {
            index = null;
        }

        return new TableTransactionFailedException(index, TableErrors.ToException(failure.Status, (code, message)));
    }

    [GeneratedRegex(@"^(\d+):", RegexOptions.CultureInvariant)]
    private static partial Regex IndexPrefix();

    private static void EnsureSuccess(TableResponse response)
    {
        if (!response.IsSuccess)
        {
            throw TableErrors.ToException(response);
        }
    }

    private string EntityPath(string partitionKey, string rowKey) =>
        $"{EscapedTableName}(PartitionKey='{KeyLiteral(partitionKey)}',RowKey='{KeyLiteral(rowKey)}')";

    private Task<TableResponse> SendAsync(TableRequest request, CancellationToken cancellationToken) => sender.SendAsync(request, cancellationToken);

    private async Task<ETag> WriteEntityAsync(TableEntity entity, string? ifMatch, TableUpdateMode mode, CancellationToken cancellationToken)
    {
        TableRules.ValidateEntity(entity);
        var operation = (ifMatch is null ? "Upsert" : "Update") + mode;
        var response = await SendAsync(
            new(mode == TableUpdateMode.Merge ? Merge : HttpMethod.Put, operation, Name, EntityPath(entity.PartitionKey, entity.RowKey))
            {
                Body = EntityJson.Write(entity),

                // Without If-Match the service inserts when missing (upsert); with it, it only updates.
                Headers = ifMatch is null ? [] : [new(TableHeaders.IfMatch, ifMatch)],
            },
            cancellationToken);
        EnsureSuccess(response);
        return response.ETagHeader();
    }

    private BatchOperation ToBatchOperation(TableTransactionAction action)
    {
        var entity = action.Entity;
        var entityAddress = sender.AddressOf(EntityPath(entity.PartitionKey, entity.RowKey));
        var ifMatch = new KeyValuePair<string, string>(TableHeaders.IfMatch, action.EffectiveETag.Value);
        return action.ActionType switch
        {
            TableTransactionActionType.Add => new BatchOperation(
                "POST", sender.AddressOf(EscapedTableName), [new(TableHeaders.Prefer, TableHeaders.ReturnNoContent)], EntityJson.Write(entity)),
            TableTransactionActionType.UpdateMerge => new BatchOperation("MERGE", entityAddress, [ifMatch], EntityJson.Write(entity)),
            TableTransactionActionType.UpdateReplace => new BatchOperation("PUT", entityAddress, [ifMatch], EntityJson.Write(entity)),
            TableTransactionActionType.UpsertMerge => new BatchOperation("MERGE", entityAddress, [], EntityJson.Write(entity)),
            TableTransactionActionType.UpsertReplace => new BatchOperation("PUT", entityAddress, [], EntityJson.Write(entity)),
            TableTransactionActionType.Delete => new BatchOperation("DELETE", entityAddress, [ifMatch], null),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown batch action."),
        };
    }
}
