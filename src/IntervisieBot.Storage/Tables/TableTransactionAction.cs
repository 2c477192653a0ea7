namespace IntervisieBot.Storage.Tables;

public enum TableTransactionActionType
{
    Add,
    UpdateMerge,
    UpdateReplace,
    Delete,
    UpsertMerge,
    UpsertReplace,
}

/// <summary>One operation of an atomic batch; <paramref name="ETag"/> is the condition for updates and deletes.</summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag ETag = default)
{
    /// <summary>The condition actually sent: a missing ETag on an update or delete means "any version".</summary>
    public ETag EffectiveETag => string.IsNullOrEmpty(ETag.Value) ? ETag.All : ETag;
}
