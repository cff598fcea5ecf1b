using Dapper;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Infrastructure.Dossiers;

/// <summary>The events stored under one dossier code, of every source, in the order the fold applies them.</summary>
public sealed class DossierReader(DbConnectionFactory db)
{
    private const string EventsSql = $"""
        SELECT {EventRow.Columns}, stored_at AS StoredAt, key_id AS KeyId
        FROM dossier_events WHERE dossier_code = @Code ORDER BY source, at, seq
        """;

    public async Task<IReadOnlyList<StoredEvent>> EventsAsync(string dossierCode, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<StoredEventRow>(new CommandDefinition(EventsSql, new { Code = dossierCode }, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Select(r => new StoredEvent(r.ToEvent(), r.StoredAt, r.KeyId))];
    }

    private sealed class StoredEventRow : EventRow
    {
        public DateTimeOffset StoredAt { get; init; }
        public string? KeyId { get; init; }
    }
}
