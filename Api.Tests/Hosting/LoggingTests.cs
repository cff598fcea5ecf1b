using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Hosting;

/// <summary>README "Operating it", logs: JSON lines with scopes in Production; every entry a request logs
/// carries its trace id and the key's id and unit scope, never the key's secret.</summary>
public sealed class LoggingTests
{
    [Test]
    public async Task RequestLog_OfAKeysRequest_CarriesTheKeyIdAndScopeButNotTheSecret()
    {
        var log = new ScopedLog();
        using var factory = new ScorecardFactory(
            new Dictionary<string, string?> { ["Logging:LogLevel:Scorecard.Api.Requests"] = "Information" }
        )
        {
            EnvironmentName = "Production",
            ConfigureHost = host => host.ConfigureLogging(l => l.AddProvider(log)),
        };
        using var admin = factory.AdminClient();
        (
            await admin.PutAsync(
                "/api/units",
                ProblemAssert.Json(
                    """
                    [{"code":"P","name":"Tỉnh","level":"province","kind":"locality"},
                     {"code":"P.A","name":"Huyện A","level":"district","kind":"locality","parentCode":"P"}]
                    """
                )
            )
        ).EnsureSuccessStatusCode();
        var created = await (
            await admin.PostAsJsonAsync(
                "/api/keys",
                new
                {
                    name = "Huyện A analyst",
                    role = "analyst",
                    unitCode = "P.A",
                }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        var (id, key) = (created.GetProperty("id").GetString()!, created.GetProperty("key").GetString()!);
        using var analyst = factory.ClientWithKey(key);

        (await analyst.GetAsync("/api/units/P.A")).EnsureSuccessStatusCode();

        var entry = log.Entries.Single(e =>
            e.Category == "Scorecard.Api.Requests" && e.Scope.GetValueOrDefault("KeyId") == id
        );
        Assert.That(entry.Message, Does.Not.Contain("P.A"), "the route pattern, not the path");
        Assert.That(entry.Message, Does.Contain("GET /api/units/{code} answered 200"));
        Assert.That(entry.Scope["UnitScope"], Is.EqualTo("P.A"));
        Assert.That(entry.Scope["Role"], Is.EqualTo("analyst"));
        Assert.That(entry.Scope.GetValueOrDefault("TraceId"), Is.Not.Null.And.Not.Empty);
        // The random part follows "sc_{id}_" and may itself contain '_', so it is cut by position.
        var secret = key[("sc_".Length + id.Length + 1)..];
        Assert.That(secret, Has.Length.EqualTo(43), "256 bits in unpadded base64url");
        Assert.That(
            log.Entries.Where(e => e.Text.Contains(secret, StringComparison.Ordinal)),
            Is.Empty,
            "no log entry holds the key's secret"
        );
    }

    [Test]
    public void ConsoleLog_InProduction_IsJsonWithScopes()
    {
        using var factory = new ScorecardFactory { EnvironmentName = "Production" };

        Assert.That(
            factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName,
            Is.EqualTo(ConsoleFormatterNames.Json)
        );
        Assert.That(
            factory
                .Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>()
                .CurrentValue.IncludeScopes,
            Is.True
        );
    }

    private sealed record Entry(string Category, string Message, Dictionary<string, string?> Scope)
    {
        public string Text => Message + " " + string.Join(" ", Scope.Select(s => $"{s.Key}={s.Value}"));
    }

    /// <summary>Keeps every entry with the values of the scopes it was logged in.</summary>
    private sealed class ScopedLog : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<Entry> Entries { get; } = new();

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose() { }

        private sealed class Logger(ScopedLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => log.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(
                LogLevel logLevel,
                EventId eventId,
                TState state,
                Exception? exception,
                Func<TState, Exception?, string> formatter
            )
            {
                var values = new Dictionary<string, string?>();
                log.scopes.ForEachScope(
                    (scope, into) =>
                    {
                        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        {
                            foreach (var pair in pairs)
                            {
                                into[pair.Key] = pair.Value?.ToString();
                            }
                        }
                        else
                        {
                            into["scope"] = scope?.ToString();
                        }
                    },
                    values
                );
                log.Entries.Enqueue(new Entry(category, formatter(state, exception), values));
            }
        }
    }
}
