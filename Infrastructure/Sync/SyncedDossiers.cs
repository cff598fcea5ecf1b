using System.Text.Json;
using Dapper;
using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Infrastructure.Sync;

/// <summary>What is stored of the dossiers a sync request names: each one's events in the source, by code.</summary>
public sealed class SyncedDossiers(DbConnectionFactory db)
{
    /// <summary>The codes of one query: a request names at most a few hundred dossiers.</summary>
    private const int CodesPerQuery = 500;

    /// <returns>Every named code, with its stored events (none when the source has not sent it).</returns>
    public async Task<IReadOnlyDictionary<string, List<DossierEvent>>> EventsAsync(
        string source,
        IEnumerable<string> codes,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(codes);
        var events = codes.Distinct(StringComparer.Ordinal).ToDictionary(c => c, _ => new List<DossierEvent>());
        var sql = db.Dialect.SyncedEventsSql;
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        foreach (var chunk in events.Keys.Chunk(CodesPerQuery))
        {
            var rows = await connection
                .QueryAsync<EventRow>(
                    new CommandDefinition(
                        sql,
                        new { Source = source, Codes = JsonSerializer.Serialize(chunk) },
                        cancellationToken: ct
                    )
                )
                .ConfigureAwait(false);
            foreach (var row in rows)
            {
                var e = row.ToEvent();
                events[e.DossierCode].Add(e);
            }
        }

        return events;
    }
}
