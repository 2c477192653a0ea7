using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace IntervisieBot.Storage.AzureTables;

/// <summary>One operation inside an entity-group transaction, as an HTTP request of its own.</summary>
internal sealed record BatchOperation(string Method, Uri Address, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body);

/// <summary>One answer inside the changeset of a batch response.</summary>
internal sealed record BatchPartResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// The <c>multipart/mixed</c> framing of <c>POST /$batch</c>: one batch holding one changeset (which is what makes the
/// operations atomic), each operation an <c>application/http</c> part. Lines end in CRLF as MIME requires.
/// </summary>
internal static class BatchMultipart
{
    private const string Crlf = "\r\n";

    public static (byte[] Body, string ContentType) Write(IReadOnlyList<BatchOperation> operations)
    {
        // Boundaries named batch_/changeset_ + GUID: what the service documents, and what Azurite looks for.
        var batch = "batch_" + Guid.NewGuid().ToString("D");
        var changeset = "changeset_" + Guid.NewGuid().ToString("D");
        var text = new StringBuilder();
        text.Append("--").Append(batch).Append(Crlf)
            .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append(Crlf)
            .Append(Crlf);
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            text.Append("--").Append(changeset).Append(Crlf)
                .Append("Content-Type: application/http").Append(Crlf)
                .Append("Content-Transfer-Encoding: binary").Append(Crlf)
                .Append(Crlf)
                .Append(operation.Method).Append(' ').Append(operation.Address.AbsoluteUri).Append(" HTTP/1.1").Append(Crlf)
                .Append("Accept: ").Append(TableHeaders.JsonMinimalMetadata).Append(Crlf)
                .Append("DataServiceVersion: 3.0").Append(Crlf)
                .Append("Content-ID: ").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(Crlf);
            foreach (var (name, value) in operation.Headers)
            {
                text.Append(name).Append(": ").Append(value).Append(Crlf);
            }

            if (operation.Body is { } body)
            {
                text.Append("Content-Type: ").Append(TableHeaders.Json).Append(Crlf)
                    .Append(Crlf)
                    .Append(Encoding.UTF8.GetString(body)).Append(Crlf);
            }
            else
            {
                text.Append(Crlf);
            }
        }

        text.Append("--").Append(changeset).Append("--").Append(Crlf)
            .Append("--").Append(batch).Append("--").Append(Crlf);
        return (Encoding.UTF8.GetBytes(text.ToString()), "multipart/mixed; boundary=" + batch);
    }

    /// <summary>The responses of the changeset, in order.</summary>
    public static IReadOnlyList<BatchPartResponse> Read(string? contentType, byte[] body)
    {
        var batchBoundary = Boundary(contentType)
            ?? throw new FormatException("The batch response has no multipart boundary.");
        var batchParts = Parts(Encoding.UTF8.GetString(body), batchBoundary);
        var changeset = batchParts.Count > 0 ? batchParts[0] : throw new FormatException("The batch response is empty.");
        var (changesetHeaders, changesetBody) = SplitHeaders(changeset);

        // A changeset answered as a whole (one failure, no nested multipart) is read as a single response.
        if (Boundary(changesetHeaders.GetValueOrDefault("Content-Type")) is not { } changesetBoundary)
        {
            return [ReadHttpResponse(changesetBody)];
        }

        return Parts(changesetBody, changesetBoundary).Select(part => ReadHttpResponse(SplitHeaders(part).Body)).ToList();
    }

    private static string? Boundary(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return null;
        }

        var boundary = mediaType.Parameters.FirstOrDefault(p => p.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase))?.Value;
        return boundary?.Trim('"');
    }

    /// <summary>The parts between <c>--boundary</c> lines, up to <c>--boundary--</c>; the preamble is dropped.</summary>
    private static List<string> Parts(string text, string boundary)
    {
        var delimiter = "--" + boundary;
        var parts = new List<string>();
        var start = text.IndexOf(delimiter, StringComparison.Ordinal);
        while (start >= 0)
        {
            var afterDelimiter = start + delimiter.Length;
            if (string.CompareOrdinal(text, afterDelimiter, "--", 0, 2) == 0)
            {
                break;
            }

            var next = text.IndexOf(delimiter, afterDelimiter, StringComparison.Ordinal);
            var end = next < 0 ? text.Length : next;
            parts.Add(text[afterDelimiter..end].TrimStart('\r', '\n'));
            start = next;
        }

        return parts;
    }

    /// <summary>MIME-style headers up to the first empty line, and what follows.</summary>
    private static (Dictionary<string, string> Headers, string Body) SplitHeaders(string part)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        while (position < part.Length)
        {
            var lineEnd = part.IndexOf('\n', position);
            var line = (lineEnd < 0 ? part[position..] : part[position..lineEnd]).TrimEnd('\r');
            position = lineEnd < 0 ? part.Length : lineEnd + 1;
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return (headers, part[position..]);
    }

    private static BatchPartResponse ReadHttpResponse(string text)
    {
        var lineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var statusLine = (lineEnd < 0 ? text : text[..lineEnd]).TrimEnd('\r');
        var fields = statusLine.Split(' ', 3);
        if (fields.Length < 2 || !fields[0].StartsWith("HTTP/", StringComparison.Ordinal)
                              || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new FormatException("A part of the batch response has no HTTP status line.");
        }

        var (headers, body) = SplitHeaders(lineEnd < 0 ? "" : text[(lineEnd + 1)..]);
        return new BatchPartResponse(status, headers, body.Trim());
    }
}
