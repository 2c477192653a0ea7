using System.Text.Json;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Storage.AzureTables;

/// <summary>Turns the service's error answers into the port's typed exceptions.</summary>
internal static class TableErrors
{
    public const string TableNotFound = "TableNotFound";
    public const string ResourceNotFound = "ResourceNotFound";
    public const string TableAlreadyExists = "TableAlreadyExists";

    /// <summary>The code and first line of the message of <c>{"odata.error":{"code":..,"message":{"value":..}}}</c>.</summary>
    public static (string Code, string Message) Read(int status, byte[] body, string? codeHeader)
    {
        string? code = null;
        string? message = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("odata.error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object
                          && m.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String
                    ? v.GetString()
                    : null;
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, an empty body): the status and header still say enough.
        }

        code ??= codeHeader ?? $"Http{status}";

        // The service appends "RequestId:...\nTime:..." lines; the first line is the message a person needs.
        var firstLine = message?.Split('\n', 2)[0].Trim();
        return (code, string.IsNullOrEmpty(firstLine) ? $"The table service answered {status} ({code})." : firstLine);
    }

    public static TableStorageException ToException(TableResponse response) =>
        ToException(response.Status, Read(response.Status, response.Body, response.Header(TableHeaders.ErrorCode)));

    public static TableStorageException ToException(int status, (string Code, string Message) error)
    {
        var (code, message) = error;
        return (status, code) switch
        {
            (409, "EntityAlreadyExists") => new EntityAlreadyExistsException(message),
            (412, _) => new ETagMismatchException(message),
            (404, TableNotFound) => new TableNotFoundException(message),
            (404, ResourceNotFound) => new EntityNotFoundException(message),
            _ => new TableStorageException(status, code, message),
        };
    }

    public static bool IsCode(TableResponse response, string code) =>
        string.Equals(Read(response.Status, response.Body, response.Header(TableHeaders.ErrorCode)).Code, code, StringComparison.Ordinal);
}
