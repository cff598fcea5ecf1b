using System.Data.Common;
using System.Text.Json;
using Dapper;
using Scorecard.Domain.Index;
using Scorecard.Infrastructure.Audit;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Infrastructure.Index;

/// <summary>The national index's definitions by the date they apply from; none stored means <see
/// cref="IndexDefaults.Definition"/>.</summary>
public sealed class IndexDefinitionStore(DbConnectionFactory db)
{
    private const string SelectSql =
        "SELECT valid_from AS ValidFrom, definition AS Definition FROM index_definitions ORDER BY valid_from";
    private const string SelectOneSql =
        "SELECT valid_from AS ValidFrom, definition AS Definition FROM index_definitions WHERE valid_from = @ValidFrom";
    private const string UpdateSql =
        "UPDATE index_definitions SET definition = @Definition, updated_at = @Now WHERE valid_from = @ValidFrom";
    private const string InsertSql =
        "INSERT INTO index_definitions (valid_from, definition, updated_at) VALUES (@ValidFrom, @Definition, @Now)";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every definition, oldest first: the stored ones, after the shipped default unless one stored applies
    /// from its date or earlier.</summary>
    public async Task<IReadOnlyList<IndexDefinition>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        var rows = await connection
            .QueryAsync<Row>(new CommandDefinition(SelectSql, cancellationToken: ct))
            .ConfigureAwait(false);
        var stored = rows.Select(Read).ToList();
        return stored.Any(d => d.ValidFrom <= IndexDefaults.Definition.ValidFrom)
            ? stored
            : [IndexDefaults.Definition, .. stored];
    }

    /// <summary>The definition in force on <paramref name="day"/> (the latest applying from it or before; the
    /// earliest when every one starts later).</summary>
    public async Task<IndexDefinition> ForAsync(DateOnly day, CancellationToken ct)
    {
        var all = await ListAsync(ct).ConfigureAwait(false);
        return all.LastOrDefault(d => d.ValidFrom <= day) ?? all[0];
    }

    /// <summary>Stores the definition for its date (replacing one of the same date); true when it was new.</summary>
    public async Task<bool> PutAsync(IndexDefinition definition, AuditStamp stamp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(stamp);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var before = await OneAsync(connection, transaction, definition.ValidFrom, ct).ConfigureAwait(false);
        var row = new
        {
            definition.ValidFrom,
            Definition = JsonSerializer.Serialize(definition, Json),
            Now = stamp.At,
        };
        await connection
            .ExecuteAsync(
                new CommandDefinition(before is null ? InsertSql : UpdateSql, row, transaction, cancellationToken: ct)
            )
            .ConfigureAwait(false);
        await AuditTrail
            .RecordAsync(
                connection,
                transaction,
                stamp,
                new AuditChange(
                    AuditEntities.IndexDefinition,
                    definition.ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    null,
                    before,
                    definition
                ),
                ct
            )
            .ConfigureAwait(false);
        // The stored index scores follow the definition: every period is recomputed.
        await IndicatorValues.StaleMarks.MarkAllAsync(connection, transaction, db.Dialect, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return before is null;
    }

    private static async Task<IndexDefinition?> OneAsync(
        DbConnection connection,
        DbTransaction transaction,
        DateOnly validFrom,
        CancellationToken ct
    )
    {
        var row = await connection
            .QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(SelectOneSql, new { ValidFrom = validFrom }, transaction, cancellationToken: ct)
            )
            .ConfigureAwait(false);
        return row is null ? null : Read(row);
    }

    private static IndexDefinition Read(Row row) =>
        JsonSerializer.Deserialize<IndexDefinition>(row.Definition, Json)! with
        {
            ValidFrom = row.ValidFrom,
        };

    private sealed class Row
    {
        public DateOnly ValidFrom { get; init; }
        public string Definition { get; init; } = "";
    }
}
