using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// The SQLite write path: one IMMEDIATE transaction, dossier lists passed as one JSON parameter
/// (json_each), and the three hot statements prepared once and re-executed per row.
/// </summary>
internal sealed class SqliteIngestionSession : IIngestionSession
{
    private const string LoadEventsSql = $"""
        SELECT {EventRow.Columns} FROM dossier_events
        WHERE dossier_code IN (SELECT value FROM json_each(@Codes))
        """;

    private const string LoadDossiersSql = $"""
        SELECT {DossierColumns.Select} FROM dossiers
        WHERE code IN (SELECT value FROM json_each(@Codes))
        """;

    private const string AppendEventSql = """
        INSERT INTO dossier_events (id, dossier_code, type, at, procedure_code, unit_code, channel, due_at, digitised,
                                    population_db_used, fee_required, payment_method, amount, electronic_result, key_id, stored_at)
        VALUES (@Id, @DossierCode, @Type, @At, @ProcedureCode, @UnitCode, @Channel, @DueAt, @Digitised,
                @PopulationDbUsed, @FeeRequired, @PaymentMethod, @Amount, @ElectronicResult, @KeyId, @StoredAt)
        ON CONFLICT (id) DO NOTHING
        RETURNING seq
        """;

    private const string UpsertDossierSql = $"""
        INSERT INTO dossiers ({DossierColumns.Insert}) VALUES ({DossierColumns.Values})
        ON CONFLICT (code) DO UPDATE SET {DossierColumns.UpdateFromExcluded}
        """;

    private const string AddFactsSql = $"""
        INSERT INTO daily_facts (unit_id, day, {FactColumns.Names}) VALUES (@UnitId, @Day, {FactColumns.Values})
        ON CONFLICT (unit_id, day) DO UPDATE SET {FactColumns.AddExcluded}
        """;

    private const string DropEmptyFactsSql = $"DELETE FROM daily_facts WHERE unit_id = @UnitId AND day = @Day AND {FactColumns.AllZero}";

    private const string ReadAllEventsSql = $"SELECT {EventRow.Columns} FROM dossier_events ORDER BY dossier_code, at, seq";

    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly SqliteCommand appendEvent;
    private readonly SqliteCommand upsertDossier;
    private readonly SqliteCommand addFacts;
    private readonly SqliteCommand dropEmptyFacts;

    private SqliteIngestionSession(SqliteConnection connection, SqliteTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
        appendEvent = Prepare(AppendEventSql);
        upsertDossier = Prepare(UpsertDossierSql);
        addFacts = Prepare(AddFactsSql);
        dropEmptyFacts = Prepare(DropEmptyFactsSql);
    }

    public static async Task<IIngestionSession> OpenAsync(DbConnectionFactory db, CancellationToken ct)
    {
        var connection = (SqliteConnection)await db.OpenAsync(ct).ConfigureAwait(false);
        try
        {
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            return new SqliteIngestionSession(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<Dictionary<string, List<DossierEvent>>> LoadEventsAsync(IReadOnlyCollection<string> dossierCodes, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            LoadEventsSql, new { Codes = JsonSerializer.Serialize(dossierCodes) }, transaction, cancellationToken: ct)).ConfigureAwait(false);
        return rows.GroupBy(r => r.DossierCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.ToEvent()).ToList(), StringComparer.Ordinal);
    }

    public async Task<Dictionary<string, DossierRow>> LoadDossiersAsync(IReadOnlyCollection<string> dossierCodes, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<DossierRow>(new CommandDefinition(
            LoadDossiersSql, new { Codes = JsonSerializer.Serialize(dossierCodes) }, transaction, cancellationToken: ct)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
    }

    public async Task<long?> AppendEventAsync(DossierEvent e, string? keyId, DateTimeOffset storedAt, CancellationToken ct)
    {
        var p = appendEvent.Parameters;
        p["@Id"].Value = e.Id;
        p["@DossierCode"].Value = e.DossierCode;
        p["@Type"].Value = WireName.Of(e.Type);
        p["@At"].Value = DapperTypeHandlers.FormatInstant(e.At);
        p["@ProcedureCode"].Value = Db(e.ProcedureCode);
        p["@UnitCode"].Value = Db(e.UnitCode);
        p["@Channel"].Value = e.Channel is { } channel ? WireName.Of(channel) : DBNull.Value;
        p["@DueAt"].Value = e.DueAt is { } due ? DapperTypeHandlers.FormatInstant(due) : DBNull.Value;
        p["@Digitised"].Value = Db(e.Digitised);
        p["@PopulationDbUsed"].Value = Db(e.PopulationDbUsed);
        p["@FeeRequired"].Value = Db(e.FeeRequired);
        p["@PaymentMethod"].Value = e.PaymentMethod is { } method ? WireName.Of(method) : DBNull.Value;
        p["@Amount"].Value = Db(e.Amount);
        p["@ElectronicResult"].Value = Db(e.ElectronicResult);
        p["@KeyId"].Value = Db(keyId);
        p["@StoredAt"].Value = DapperTypeHandlers.FormatInstant(storedAt);
        var seq = await appendEvent.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return seq is null or DBNull ? null : Convert.ToInt64(seq, CultureInfo.InvariantCulture);
    }

    public async Task UpsertDossierAsync(DossierRow row, CancellationToken ct)
    {
        DossierColumns.Bind(upsertDossier.Parameters, row, i => DapperTypeHandlers.FormatInstant(i));
        await upsertDossier.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task ApplyFactsAsync(FactDeltas deltas, CancellationToken ct)
    {
        foreach (var ((unitId, day), counts) in deltas.Changes)
        {
            if (counts.IsZero)
            {
                continue;
            }

            addFacts.Parameters["@UnitId"].Value = unitId;
            addFacts.Parameters["@Day"].Value = day.ToString(DapperTypeHandlers.DateFormat, CultureInfo.InvariantCulture);
            FactColumns.Bind(addFacts.Parameters, counts);
            await addFacts.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            if (counts.HasNegative)
            {
                dropEmptyFacts.Parameters["@UnitId"].Value = unitId;
                dropEmptyFacts.Parameters["@Day"].Value = addFacts.Parameters["@Day"].Value;
                await dropEmptyFacts.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }
    }

    public async Task ClearProjectionsAsync(CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM daily_facts", transaction: transaction, cancellationToken: ct)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM dossiers", transaction: transaction, cancellationToken: ct)).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<DossierEvent> ReadAllEventsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in connection.QueryUnbufferedAsync<EventRow>(ReadAllEventsSql, transaction: transaction).WithCancellation(ct).ConfigureAwait(false))
        {
            yield return row.ToEvent();
        }
    }

    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { appendEvent, upsertDossier, addFacts, dropEmptyFacts })
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        await transaction.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(sql, "@[A-Za-z]+"))
        {
            if (!command.Parameters.Contains(match.Value))
            {
                command.Parameters.Add(new SqliteParameter(match.Value, DBNull.Value));
            }
        }

        command.Prepare();
        return command;
    }

    private static object Db<T>(T? value) where T : struct => value is { } v ? v : DBNull.Value;

    private static object Db(string? value) => value is null ? DBNull.Value : value;
}
