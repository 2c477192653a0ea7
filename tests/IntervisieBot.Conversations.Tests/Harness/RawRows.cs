using Microsoft.Data.Sqlite;

namespace IntervisieBot.Conversations.Tests.Harness;

/// <summary>Every row of an embedded store as it lies in the file: table, keys and the stored properties, unparsed.</summary>
public static class RawRows
{
    public sealed record Row(string Table, string PartitionKey, string RowKey, string Properties)
    {
        public bool Mentions(string text) =>
            PartitionKey.Contains(text, StringComparison.Ordinal) || RowKey.Contains(text, StringComparison.Ordinal) || Properties.Contains(text, StringComparison.Ordinal);
    }

    public static IReadOnlyList<Row> Read(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT t.name, e.partition_key, e.row_key, e.properties FROM entities e JOIN tables t ON t.id = e.table_id";
        using var reader = command.ExecuteReader();
        var rows = new List<Row>();
        while (reader.Read())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return rows;
    }
}
