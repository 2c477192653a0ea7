namespace IntervisieBot.Storage.Tables;

/// <summary>An entity version as the store reports it; <see cref="All"/> (<c>*</c>) matches any version.</summary>
public readonly record struct ETag(string Value)
{
    public static readonly ETag All = new("*");

    public bool IsAll => Value == "*";

    public override string ToString() => Value;
}
