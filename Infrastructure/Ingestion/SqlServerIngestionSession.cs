using System.Text.Json;
using Dapper;
using Microsoft.Data.SqlClient;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.IndicatorValues;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// The SQL Server write path, the twin of <see cref="SqliteIngestionSession"/>: one transaction that
/// first takes an application lock (so writers of several instances take turns), dossier lists passed
/// as one JSON parameter (OPENJSON), update-then-insert upserts, and codes sent as ANSI parameters so
/// that lookups on the varchar keys stay index seeks.
/// </summary>
internal sealed class SqlServerIngestionSession : IIngestionSession
{
    private const string LockSql = "EXEC sp_getapplock @Resource = N'scorecard-ingestion', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000";

    private const string LoadEventsSql = $"""
        SELECT {EventRow.Columns} FROM dossier_events
        WHERE dossier_code IN (SELECT CAST(j.value AS varchar(64)) FROM OPENJSON(@Codes) j)
        """;

    private const string LoadDossiersSql = $"""
        SELECT {DossierColumns.Select} FROM dossiers
        WHERE code IN (SELECT CAST(j.value AS varchar(64)) FROM OPENJSON(@Codes) j)
        """;

    private const string AppendEventSql = """
        INSERT INTO dossier_events (id, dossier_code, type, at, procedure_code, unit_code, channel, due_at, digitised,
                                    population_db_used, fee_required, payment_method, amount, electronic_result, key_id, stored_at)
        OUTPUT INSERTED.seq
        SELECT @Id, @DossierCode, @Type, @At, @ProcedureCode, @UnitCode, @Channel, @DueAt, @Digitised,
               @PopulationDbUsed, @FeeRequired, @PaymentMethod, @Amount, @ElectronicResult, @KeyId, @StoredAt
        WHERE NOT EXISTS (SELECT 1 FROM dossier_events WHERE id = @Id)
        """;

    private const string UpsertDossierSql = $"""
        UPDATE dossiers SET status = @Status, due_at = @DueAt, finished_at = @FinishedAt, finish_kind = @FinishKind, returned_at = @ReturnedAt, timeliness = @Timeliness, supplement_count = @SupplementCount, supplement_seconds = @SupplementSeconds, supplement_open_since = @SupplementOpenSince, fee_required = @FeeRequired, paid_online = @PaidOnline, amount_paid = @AmountPaid, digitised = @Digitised, electronic_result = @ElectronicResult, population_db_used = @PopulationDbUsed, online_eligible = @OnlineEligible, person_applicant = @PersonApplicant, violation = @Violation
        WHERE code = @Code;
        IF @@ROWCOUNT = 0
            INSERT INTO dossiers ({DossierColumns.Insert}) VALUES ({DossierColumns.Values});
        """;

    private const string AddFactsSql = $"""
        UPDATE daily_facts SET received = received + @Received, digitised = digitised + @Digitised, online_eligible = online_eligible + @OnlineEligible, online = online + @Online, fee_required = fee_required + @FeeRequired, paid_online = paid_online + @PaidOnline, person_applicant = person_applicant + @PersonApplicant, population_db_used = population_db_used + @PopulationDbUsed, violations = violations + @Violations, finished = finished + @Finished, finished_on_time = finished_on_time + @FinishedOnTime, resolved_or_returned = resolved_or_returned + @ResolvedOrReturned, electronic_result = electronic_result + @ElectronicResult
        WHERE unit_id = @UnitId AND day = @Day;
        IF @@ROWCOUNT = 0
            INSERT INTO daily_facts (unit_id, day, {FactColumns.Names}) VALUES (@UnitId, @Day, {FactColumns.Values});
        DELETE FROM daily_facts WHERE unit_id = @UnitId AND day = @Day AND {FactColumns.AllZero};
        """;

    private const string AddMonthFactsSql = $"""
        UPDATE monthly_facts SET received = received + @Received, digitised = digitised + @Digitised, online_eligible = online_eligible + @OnlineEligible, online = online + @Online, fee_required = fee_required + @FeeRequired, paid_online = paid_online + @PaidOnline, person_applicant = person_applicant + @PersonApplicant, population_db_used = population_db_used + @PopulationDbUsed, violations = violations + @Violations, finished = finished + @Finished, finished_on_time = finished_on_time + @FinishedOnTime, resolved_or_returned = resolved_or_returned + @ResolvedOrReturned, electronic_result = electronic_result + @ElectronicResult
        WHERE unit_id = @UnitId AND month = @Day;
        IF @@ROWCOUNT = 0
            INSERT INTO monthly_facts (unit_id, month, {FactColumns.Names}) VALUES (@UnitId, @Day, {FactColumns.Values});
        DELETE FROM monthly_facts WHERE unit_id = @UnitId AND month = @Day AND {FactColumns.AllZero};
        """;

    private const string ClearProjectionsSql = "DELETE FROM monthly_facts; DELETE FROM daily_facts; DELETE FROM dossiers;";

    private const string ReadAllEventsSql = $"SELECT {EventRow.Columns} FROM dossier_events ORDER BY dossier_code, at, seq";

    private readonly DbConnectionFactory db;
    private readonly SqlConnection connection;
    private readonly SqlTransaction transaction;

    private SqlServerIngestionSession(DbConnectionFactory db, SqlConnection connection, SqlTransaction transaction)
    {
        this.db = db;
        this.connection = connection;
        this.transaction = transaction;
    }

    public static async Task<IIngestionSession> OpenAsync(DbConnectionFactory db, CancellationToken ct)
    {
        var connection = (SqlConnection)await db.OpenAsync(ct).ConfigureAwait(false);
        try
        {
            var transaction = (SqlTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(LockSql, transaction: transaction, cancellationToken: ct)).ConfigureAwait(false);
            return new SqlServerIngestionSession(db, connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<Dictionary<string, List<DossierEvent>>> LoadEventsAsync(IReadOnlyCollection<string> dossierCodes, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<EventRow>(Command(LoadEventsSql, new { Codes = JsonSerializer.Serialize(dossierCodes) }, ct)).ConfigureAwait(false);
        return rows.GroupBy(r => r.DossierCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.ToEvent()).ToList(), StringComparer.Ordinal);
    }

    public async Task<Dictionary<string, DossierRow>> LoadDossiersAsync(IReadOnlyCollection<string> dossierCodes, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<DossierRow>(Command(LoadDossiersSql, new { Codes = JsonSerializer.Serialize(dossierCodes) }, ct)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
    }

    public async Task<long?> AppendEventAsync(DossierEvent e, string? keyId, DateTimeOffset storedAt, CancellationToken ct)
    {
        var seq = await connection.ExecuteScalarAsync<long?>(Command(AppendEventSql, new
        {
            Id = Ansi(e.Id),
            DossierCode = Ansi(e.DossierCode),
            Type = Ansi(WireName.Of(e.Type)),
            e.At,
            ProcedureCode = Ansi(e.ProcedureCode),
            UnitCode = Ansi(e.UnitCode),
            Channel = Ansi(e.Channel is { } channel ? WireName.Of(channel) : null),
            e.DueAt,
            e.Digitised,
            e.PopulationDbUsed,
            e.FeeRequired,
            PaymentMethod = Ansi(e.PaymentMethod is { } method ? WireName.Of(method) : null),
            e.Amount,
            e.ElectronicResult,
            KeyId = Ansi(keyId),
            StoredAt = storedAt,
        }, ct)).ConfigureAwait(false);
        return seq;
    }

    public Task UpsertDossierAsync(DossierRow row, CancellationToken ct) =>
        connection.ExecuteAsync(Command(UpsertDossierSql, new
        {
            Code = Ansi(row.Code),
            row.ProcedureId,
            row.UnitId,
            Channel = Ansi(row.Channel),
            Status = Ansi(row.Status),
            row.ReceivedAt,
            row.DueAt,
            row.FinishedAt,
            FinishKind = Ansi(row.FinishKind),
            row.ReturnedAt,
            Timeliness = Ansi(row.Timeliness),
            row.SupplementCount,
            row.SupplementSeconds,
            row.SupplementOpenSince,
            row.FeeRequired,
            row.PaidOnline,
            row.AmountPaid,
            row.Digitised,
            row.ElectronicResult,
            row.PopulationDbUsed,
            row.OnlineEligible,
            row.PersonApplicant,
            row.Violation,
        }, ct));

    public async Task ApplyFactsAsync(FactDeltas deltas, CancellationToken ct)
    {
        foreach (var ((unitId, day), counts) in deltas.Changes.Where(c => !c.Value.IsZero))
        {
            await connection.ExecuteAsync(Command(AddFactsSql, FactParameters(unitId, day, counts), ct)).ConfigureAwait(false);
        }

        foreach (var ((unitId, month), counts) in deltas.MonthChanges.Where(c => !c.Value.IsZero))
        {
            await connection.ExecuteAsync(Command(AddMonthFactsSql, FactParameters(unitId, month, counts), ct)).ConfigureAwait(false);
        }

        foreach (var month in deltas.MonthChanges.Where(c => !c.Value.IsZero).Select(c => c.Key.Month).Distinct())
        {
            await connection.ExecuteAsync(Command(StaleMarks.MarkSqlServerSql, new { Month = StaleMarks.Ansi(StaleMarks.Of(month)) }, ct)).ConfigureAwait(false);
        }
    }

    public async Task ClearProjectionsAsync(CancellationToken ct)
    {
        await connection.ExecuteAsync(Command(ClearProjectionsSql, null, ct)).ConfigureAwait(false);
        await StaleMarks.MarkAllAsync(connection, transaction, DatabaseProvider.SqlServer, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams the log on a connection of its own: SQL Server allows one open reader per connection, and
    /// this session's connection keeps writing while the log is read (the log itself is never written here).
    /// </summary>
    public async IAsyncEnumerable<DossierEvent> ReadAllEventsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var reader = await db.OpenAsync(ct).ConfigureAwait(false);
        await foreach (var row in reader.QueryUnbufferedAsync<EventRow>(ReadAllEventsSql).WithCancellation(ct).ConfigureAwait(false))
        {
            yield return row.ToEvent();
        }
    }

    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken ct) => new(sql, parameters, transaction, cancellationToken: ct);

    private static DbString? Ansi(string? value) => value is null ? null : new DbString { Value = value, IsAnsi = true, Length = 64 };

    private static DynamicParameters FactParameters(int unitId, DateOnly day, FactCounts counts)
    {
        var parameters = new DynamicParameters(counts);
        parameters.Add("UnitId", unitId);
        parameters.Add("Day", day);
        return parameters;
    }
}
