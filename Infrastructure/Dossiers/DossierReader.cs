using Dapper;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Infrastructure.Dossiers;

/// <summary>The events stored under one dossier code, of every source, in the order the fold applies them.</summary>
public sealed class DossierReader(DbConnectionFactory db)
{
    private static readonly string EventsSql =
        $"SELECT {EventColumns.Select} FROM dossier_events WHERE dossier_code = @Code ORDER BY source, at, seq";

    public async Task<IReadOnlyList<StoredEvent>> EventsAsync(string dossierCode, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        var rows = await connection
            .QueryAsync<EventRow>(new CommandDefinition(EventsSql, new { Code = dossierCode }, cancellationToken: ct))
            .ConfigureAwait(false);
        return [.. rows.Select(r => new StoredEvent(r.ToEvent(), r.StoredAt, r.KeyId))];
    }
}
