using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IntervisieBot.Channels.BotFramework.Tests.Authentication;

/// <summary>Keeps every log entry, message and exception text together, so tests can see what would be written.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Text)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(_entries);

    public ILogger<T> CreateLogger<T>() => LoggerFactory.Create(b => b.AddProvider(this)).CreateLogger<T>();

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(ConcurrentQueue<(LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, $"{formatter(state, exception)} {exception}"));
    }
}
