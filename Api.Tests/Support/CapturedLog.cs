using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Scorecard.Api.Tests.Support;

/// <summary>A logger provider that keeps the application's errors (with their exceptions) for a test to report, and
/// drops the rest.</summary>
internal sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> errors = new();

    public IReadOnlyCollection<string> Errors => errors;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            if (IsEnabled(logLevel))
            {
                log.errors.Enqueue(
                    $"{category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}"
                );
            }
        }
    }
}
