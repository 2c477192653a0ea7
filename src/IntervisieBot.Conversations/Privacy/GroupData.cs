using System.Security.Cryptography;
using System.Text.Json.Nodes;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Privacy;

/// <summary>All of a group's data, wherever it lives: every <see cref="IGroupDataStore"/> the host registered.</summary>
public sealed class GroupData(IEnumerable<IGroupDataStore> stores, TimeProvider time)
{
    public const string Format = "intervisiebot-export/1";

    /// <summary>
    /// What the group may have of its data, decrypted, as one JSON document: the part of every store that opted in
    /// (<see cref="IGroupExportPart"/>). Prepared cases, a running session and the bot's internals are never in it.
    /// </summary>
    public async Task<JsonObject> ExportAsync(ConversationAddress group, CancellationToken cancellationToken = default)
    {
        var data = new JsonObject();
        foreach (var store in stores.OfType<IGroupExportPart>())
        {
            try
            {
                if (await store.ExportToGroupAsync(group, cancellationToken) is { } node)
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
    /// <param name="group">The group to forget.</param>
    /// <param name="beforeReachIsGone">
    /// Called with the receipt when everything but the group's conversation reference is gone, so the bot can still
    /// say so in the group (a scheduled erase has no pressed card to answer).
    /// </param>
    /// <param name="cancellationToken">Cancels the erase; a next try finishes it.</param>
    public async Task<IReadOnlyList<(string Store, int Items)>> ForgetAsync(
        ConversationAddress group,
        Func<IReadOnlyList<(string Store, int Items)>, Task>? beforeReachIsGone = null,
        CancellationToken cancellationToken = default)
    {
        var forgotten = new List<(string, int)>();
        var reach = stores.Where(s => s.IsReach).ToList();
        foreach (var store in stores.Where(s => !s.IsReach))
        {
            await CountAsync(store, group, forgotten, cancellationToken);
            await store.ForgetAsync(group, cancellationToken);
        }

        // The receipt names the conversation reference too: it is erased right after it has been said.
        foreach (var store in reach)
        {
            await CountAsync(store, group, forgotten, cancellationToken);
        }

        if (beforeReachIsGone is not null)
        {
            await beforeReachIsGone(forgotten);
        }

        foreach (var store in reach)
        {
            await store.ForgetAsync(group, cancellationToken);
        }

        return forgotten;
    }

    private static async Task CountAsync(IGroupDataStore store, ConversationAddress group, List<(string, int)> forgotten, CancellationToken cancellationToken)
    {
        JsonNode? held;
        try
        {
            held = await store.HeldAsync(group, cancellationToken);
        }
        catch (CryptographicException)
        {
            // Data whose key is gone can still be deleted; it is counted as one item.
            held = JsonValue.Create("unreadable");
        }

        if (held is not null)
        {
            forgotten.Add((store.Name, held is JsonArray list ? list.Count : 1));
        }
    }
}
