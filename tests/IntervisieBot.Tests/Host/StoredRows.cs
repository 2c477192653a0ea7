using Microsoft.Data.Sqlite;

namespace IntervisieBot.Tests.Host;

/// <summary>
/// Every row the host's embedded store holds, read from its file as an operator would: table, keys, properties. The
/// scheduler's cursor (its own bookkeeping, moved by every tick) is left out, so two readings differ only by what
/// conversations did.
/// </summary>
public static class StoredRows
{
    public static async Task<IReadOnlyList<string>> ReadAsync(string databasePath)
    {
        if (!File.Exists(databasePath))
        {
            return [];
        }

        var rows = new List<string>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT t.name, e.partition_key, e.row_key, e.properties FROM entities e JOIN tables t ON t.id = e.table_id
            WHERE NOT (t.name LIKE '%DueWork' AND e.partition_key = 'cursor')
            ORDER BY t.name, e.partition_key, e.row_key
            """;
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add($"{reader.GetString(0)} | {reader.GetString(1)} | {reader.GetString(2)} | {reader.GetString(3)}");
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1)
        {
            // No such table yet: nothing was ever stored.
        }

        return rows;
    }
}
