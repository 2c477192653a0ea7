using System.Security.Cryptography;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Messages;

namespace IntervisieBot.Conversations.Privacy;

/// <summary>All of a group's data, wherever it lives: every <see cref="IGroupDataStore"/> the host registered.</summary>
public sealed class GroupData(IEnumerable<IGroupDataStore> stores, TimeProvider time)
{
    public const string Format = "intervisiebot-export/1";

    /// <summary>The group's data from every store, decrypted, as one JSON document.</summary>
    public async Task<JsonObject> ExportAsync(ConversationAddress group, CancellationToken cancellationToken = default)
    {
        var data = new JsonObject();
        foreach (var store in stores)
        {
            try
            {
                if (await store.ExportAsync(group, cancellationToken) is { } node)
                {
                    data[store.Name] = node;
                }
            }
            catch (CryptographicException)
            {
                // Encrypted under a key that is no longer configured: say so rather than fail the whole export.
                data[store.Name] = new JsonObject { ["unreadable"] = "encrypted with a key that is no longer configured" };
            }
        }

        return new JsonObject
        {
            ["format"] = Format,
            ["exportedAt"] = time.GetUtcNow(),
            ["conversation"] = new JsonObject
            {
                ["channelId"] = group.ChannelId,
                ["conversationId"] = group.ConversationId,
                ["scope"] = group.Scope.ToString(),
                ["tenantId"] = group.TenantId,
            },
            ["data"] = data,
        };
    }

    /// <summary>
    /// Deletes the group's rows in every store; returns, per store that held something, how many items it held (a list
    /// counts its entries, anything else one). Safe to repeat: a store that fails midway is finished by the next try.
    /// </summary>
    public async Task<IReadOnlyList<(string Store, int Items)>> ForgetAsync(ConversationAddress group, CancellationToken cancellationToken = default)
    {
        var forgotten = new List<(string, int)>();
        foreach (var store in stores)
        {
            JsonNode? held;
            try
            {
                held = await store.ExportAsync(group, cancellationToken);
            }
            catch (CryptographicException)
            {
                // Data whose key is gone can still be deleted; it is counted as one item.
                held = JsonValue.Create("unreadable");
            }

            await store.ForgetAsync(group, cancellationToken);
            if (held is not null)
            {
                forgotten.Add((store.Name, held is JsonArray list ? list.Count : 1));
            }
        }

        return forgotten;
    }
}
