namespace IntervisieBot.Storage.Tables;

/// <summary>A request the store refused or could not complete. <see cref="Status"/> is the HTTP status (or its equivalent).</summary>
public class TableStorageException : Exception
{
    public TableStorageException(int status, string errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    public int Status { get; }

    /// <summary>The Table service's error code, e.g. <c>EntityAlreadyExists</c>; the SQLite store uses the same codes.</summary>
    public string ErrorCode { get; }
}

/// <summary>A write lost a race (409 or 412). Never retried by the store: the caller re-reads and decides.</summary>
public abstract class TableConflictException(int status, string errorCode, string message, Exception? innerException = null)
    : TableStorageException(status, errorCode, message, innerException);

/// <summary>An insert found an entity with the same keys (409).</summary>
public sealed class EntityAlreadyExistsException(string message, Exception? innerException = null)
    : TableConflictException(409, "EntityAlreadyExists", message, innerException);

/// <summary>A conditional write found another version than the one it was based on (412).</summary>
public sealed class ETagMismatchException(string message, Exception? innerException = null)
    : TableConflictException(412, "UpdateConditionNotSatisfied", message, innerException);

/// <summary>A conditional update found no entity with these keys (404).</summary>
public sealed class EntityNotFoundException(string message, Exception? innerException = null)
    : TableStorageException(404, "ResourceNotFound", message, innerException);

/// <summary>The table does not exist (404): create it first with <see cref="ITableClient.CreateIfNotExistsAsync"/>.</summary>
public sealed class TableNotFoundException(string message, Exception? innerException = null)
    : TableStorageException(404, "TableNotFound", message, innerException);

/// <summary>A batch was refused as a whole; nothing of it was applied. <see cref="FailedIndex"/> names the culprit when known.</summary>
public sealed class TableTransactionFailedException(int? failedIndex, TableStorageException innerException)
    : TableStorageException(
        innerException.Status,
        innerException.ErrorCode,
        failedIndex is { } i ? $"Operation {i} of the batch failed: {innerException.Message}" : $"The batch failed: {innerException.Message}",
        innerException)
{
    public int? FailedIndex { get; } = failedIndex;

    public TableStorageException Failure => (TableStorageException)InnerException!;
}

/// <summary>
/// The store is out of reach (503): it failed with a transient error after its retries, or it failed so often just
/// before that calls are not even tried for a moment (the circuit is open). Try again later; nothing was written.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? innerException = null)
    : TableStorageException(503, "StoreUnavailable", message, innerException);
