using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Bench.Support;
using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure;
using Scorecard.Infrastructure.Ingestion;
using Scorecard.Infrastructure.Keys;

namespace Scorecard.Bench.Ingestion;

/// <summary>
/// The service's writer alone: the same batches handed by concurrent callers to <see cref="DossierEventWriter"/>
/// in this process, without HTTP, JSON or validation. Set beside the end-to-end rate, it splits the time between
/// the requests and the writer.
/// </summary>
internal static class WriterAlone
{
    /// <param name="readLog">Holds a read transaction open for the run, so that no checkpoint can restart the
    /// write-ahead log, and reads what its commits wrote (<see cref="LogPages"/>) before letting it go.</param>
    /// <returns>The time the batches took, the processor time this process used meanwhile (the writer and its
    /// callers, on every core) and, with <paramref name="readLog"/>, what the commits wrote.</returns>
    public static async Task<(TimeSpan Elapsed, TimeSpan Processor, LogPages? Log)> RunAsync(
        string database,
        List<DossierEvent> events,
        int clients,
        int batchSize,
        bool readLog = false
    )
    {
        await using var pin = readLog ? await PinLogAsync(database).ConfigureAwait(false) : null;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?> { ["ConnectionStrings:Scorecard"] = $"Data Source={database}" }
            )
            .Build();
        var services = new ServiceCollection().AddLogging().AddMetrics();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddInfrastructure(configuration, Path.GetDirectoryName(database)!);
        await using var provider = services.BuildServiceProvider();
        var writer = provider.GetRequiredService<DossierEventWriter>();
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(() => writer.RunAsync(stop.Token));
        var batches = events
            .Chunk(batchSize)
            .Select(b => b.Select((e, i) => new IncomingEvent(i, e)).ToList())
            .ToList();
        var sender = new EventSender(ApiKey.BootstrapSource, null, null);
        using var self = Process.GetCurrentProcess();
        var processorBefore = self.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Clients
            .EachAsync(clients, batches.Count, async i =>
            {
                var outcome = await writer.WriteAsync(batches[i], sender, CancellationToken.None).ConfigureAwait(false);
                if (outcome.Rejected.Count > 0 || outcome.Accepted != batches[i].Count)
                {
                    throw new InvalidOperationException(
                        $"Batch {i}: {outcome.Accepted} accepted, {outcome.Rejected.Count} rejected "
                            + $"({(outcome.Rejected.Count > 0 ? outcome.Rejected[0].Message : "")})"
                    );
                }
            })
            .ConfigureAwait(false);
        watch.Stop();
        self.Refresh();
        var processor = self.TotalProcessorTime - processorBefore;
        await stop.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        return (watch.Elapsed, processor, readLog ? await LogPages.ReadAsync(database).ConfigureAwait(false) : null);
    }

    private static async Task<SqliteConnection> PinLogAsync(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN; SELECT COUNT(*) FROM sqlite_schema;";
        await command.ExecuteScalarAsync().ConfigureAwait(false);
        return connection;
    }
}
