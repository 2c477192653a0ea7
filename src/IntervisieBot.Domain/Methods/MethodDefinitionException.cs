namespace IntervisieBot.Domain.Methods;

/// <summary>One or more method definitions are broken; the message lists every problem, each naming where it is.</summary>
public sealed class MethodDefinitionException : Exception
{
    public MethodDefinitionException()
        : this("method definitions", [])
    {
    }

    public MethodDefinitionException(string message)
        : base(message)
    {
        Origin = "method definitions";
        Errors = [message];
    }

    public MethodDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Origin = "method definitions";
        Errors = [message];
    }

    public MethodDefinitionException(string origin, IReadOnlyList<string> errors)
        : base(Describe(origin, errors))
    {
        Origin = origin;
        Errors = errors;
    }

    /// <summary>Where the definitions came from: a file name, "built-in methods" or "custom methods".</summary>
    public string Origin { get; }

    public IReadOnlyList<string> Errors { get; }

    private static string Describe(string origin, IReadOnlyList<string> errors) =>
        errors.Count == 0
            ? $"Invalid method definition in {origin}."
            : $"Invalid method definition in {origin} ({errors.Count} {(errors.Count == 1 ? "problem" : "problems")}):"
              + string.Concat(errors.Select(error => Environment.NewLine + "  - " + error));
}
