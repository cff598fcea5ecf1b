using Dapper;
using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Infrastructure.Sync;

/// <summary>What is stored of the dossiers a sync request names: each one's events in the source, by code.</summary>
public sealed class SyncedDossiers(DbConnectionFactory db)
{
    private static readonly string EventsSql =
        $"SELECT {EventColumns.Select} FROM dossier_events WHERE dossier_code = @Code AND source = @Source";

    public async Task<IReadOnlyDictionary<string, List<DossierEvent>>> EventsAsync(
        string source,
        IEnumerable<string> codes,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(codes);
        var events = new Dictionary<string, List<DossierEvent>>(StringComparer.Ordinal);
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        foreach (var code in codes.Distinct(StringComparer.Ordinal))
        {
            var rows = await connection
                .QueryAsync<EventRow>(
                    new CommandDefinition(EventsSql, new { Code = code, Source = source }, cancellationToken: ct)
                )
                .ConfigureAwait(false);
            events[code] = [.. rows.Select(r => r.ToEvent())];
        }

        return events;
    }
}
