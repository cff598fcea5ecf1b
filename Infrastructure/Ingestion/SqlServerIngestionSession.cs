using System.Data;
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
/// first takes an application lock (so writers of several instances take turns), then works in sets.
/// Dossier lists and event ids travel as one JSON parameter (OPENJSON); new events, dossier rows and
/// fact changes are gathered in memory, copied into #temp tables with SqlBulkCopy and written by one
/// update-then-insert per table, at the latest before the commit.
/// </summary>
internal sealed class SqlServerIngestionSession : IIngestionSession
{
    /// <summary>Rows gathered per table before they are written (bounds memory in rebuilds and bulk loads).</summary>
    public const int FlushRows = 10_000;

    private const string LockSql = "EXEC sp_getapplock @Resource = N'scorecard-ingestion', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000";

    private const string LoadEventsSql = $"""
        SELECT {EventRow.Columns} FROM dossier_events
        WHERE dossier_code IN (SELECT CAST(j.value AS varchar(64)) FROM OPENJSON(@Codes) j)
        """;

    private const string LoadDossiersSql = $"""
        SELECT {DossierColumns.Select} FROM dossiers
        WHERE code IN (SELECT CAST(j.value AS varchar(64)) FROM OPENJSON(@Codes) j)
        """;

    /// <summary>
    /// Each announced id with its class (ids the id column's collation holds equal share one) and
    /// whether the log holds it: the duplicate test of the row-by-row append, made once for the group.
    /// </summary>
    private const string ClassifyIdsSql = """
        SELECT CAST(j.[key] AS int) AS Position,
               CAST(DENSE_RANK() OVER (ORDER BY CAST(j.value AS varchar(64))) AS int) AS Class,
               CAST(CASE WHEN EXISTS (SELECT 1 FROM dossier_events e WHERE e.id = CAST(j.value AS varchar(64))) THEN 1 ELSE 0 END AS bit) AS Stored
        FROM OPENJSON(@Ids) j
        """;

    private const string LastSequenceSql = "SELECT ISNULL(MAX(seq), 0) FROM dossier_events";

    /// <summary>ORDER BY ord: SQL Server assigns the identity (seq) in that order, the order the session numbered them.</summary>
    private const string InsertEventsSql = $"""
        INSERT INTO dossier_events ({SqlServerStaging.EventColumns})
        SELECT {SqlServerStaging.EventColumns} FROM #events ORDER BY ord;
        TRUNCATE TABLE #events;
        """;

    private const string UpsertDossiersSql = $"""
        UPDATE d SET {DossierColumns.UpdateFromStaged}
        FROM dossiers d INNER JOIN #dossiers s ON s.code = d.code;
        INSERT INTO dossiers ({DossierColumns.Insert})
        SELECT {DossierColumns.Insert} FROM #dossiers s
        WHERE NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.code = s.code);
        TRUNCATE TABLE #dossiers;
        """;

    private const string AddDayFactsSql = $"""
        UPDATE f SET {FactColumns.AddStaged}
        FROM daily_facts f INNER JOIN #day_facts s ON s.unit_id = f.unit_id AND s.day = f.day;
        INSERT INTO daily_facts (unit_id, day, {FactColumns.Names})
        SELECT unit_id, day, {FactColumns.Names} FROM #day_facts s
        WHERE NOT EXISTS (SELECT 1 FROM daily_facts f WHERE f.unit_id = s.unit_id AND f.day = s.day);
        DELETE FROM daily_facts
        WHERE {FactColumns.AllZero} AND EXISTS (SELECT 1 FROM #day_facts s WHERE s.unit_id = daily_facts.unit_id AND s.day = daily_facts.day);
        TRUNCATE TABLE #day_facts;
        """;

    private const string AddMonthFactsSql = $"""
        UPDATE f SET {FactColumns.AddStaged}
        FROM monthly_facts f INNER JOIN #month_facts s ON s.unit_id = f.unit_id AND s.month = f.month;
        INSERT INTO monthly_facts (unit_id, month, {FactColumns.Names})
        SELECT unit_id, month, {FactColumns.Names} FROM #month_facts s
        WHERE NOT EXISTS (SELECT 1 FROM monthly_facts f WHERE f.unit_id = s.unit_id AND f.month = s.month);
        DELETE FROM monthly_facts
        WHERE {FactColumns.AllZero} AND EXISTS (SELECT 1 FROM #month_facts s WHERE s.unit_id = monthly_facts.unit_id AND s.month = monthly_facts.month);
        TRUNCATE TABLE #month_facts;
        """;

    /// <summary>
    /// <see cref="StaleMarks.MarkSqlServerSql"/> for a set of months (distinct, as JSON): each mark's
    /// version is bumped once, or the mark inserted; the range locks keep two writers from inserting the same mark.
    /// </summary>
    private const string MarkMonthsSql = """
        UPDATE m SET version = m.version + 1
        FROM indicator_values_stale m WITH (UPDLOCK, SERIALIZABLE)
        WHERE m.month IN (SELECT CAST(j.value AS varchar(10)) FROM OPENJSON(@Months) j);
        INSERT INTO indicator_values_stale (month, version)
        SELECT CAST(j.value AS varchar(10)), 1 FROM OPENJSON(@Months) j
        WHERE NOT EXISTS (SELECT 1 FROM indicator_values_stale m WITH (UPDLOCK, SERIALIZABLE) WHERE m.month = CAST(j.value AS varchar(10)));
        """;

    private const string ClearProjectionsSql = "DELETE FROM monthly_facts; DELETE FROM daily_facts; DELETE FROM dossiers;";

    private const string ReadAllEventsSql = $"SELECT {EventRow.Columns} FROM dossier_events ORDER BY dossier_code, at, seq";

    private readonly DbConnectionFactory db;
    private readonly SqlConnection connection;
    private readonly SqlTransaction transaction;

    // What PrepareAppendsAsync learnt: the class of every announced id, and the classes already in the
    // log; the classes this session appends join the second set.
    private readonly Dictionary<string, int> idClasses = new(StringComparer.Ordinal);
    private readonly HashSet<int> storedClasses = [];

    private readonly DataTable events = SqlServerStaging.EventTable();
    private readonly Dictionary<string, DossierRow> dossiers = new(StringComparer.Ordinal);
    private bool staging;
    private long? lastSequence;
    private int arrivals;

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

    /// <summary>
    /// Not tracked: several instances of the service may append to one SQL Server database, so no
    /// instance may take its own memory of a dossier's events as complete.
    /// </summary>
    public long? LastSequence => null;

    public async Task<Dictionary<string, List<DossierEvent>>> LoadEventsAsync(IReadOnlyCollection<string> dossierCodes, CancellationToken ct)
    {
        await FlushAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<EventRow>(Command(LoadEventsSql, new { Codes = JsonSerializer.Serialize(dossierCodes) }, ct)).ConfigureAwait(false);
        return rows.GroupBy(r => r.DossierCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.ToEvent()).ToList(), StringComparer.Ordinal);
    }

    public async Task<Dictionary<string, DossierRow>> LoadDossiersAsync(IReadOnlyCollection<string> dossierCodes, CancellationToken ct)
    {
        await FlushAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DossierRow>(Command(LoadDossiersSql, new { Codes = JsonSerializer.Serialize(dossierCodes) }, ct)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
    }

    /// <summary>
    /// Classifies every id announced so far in one statement. What this session appended is flushed first,
    /// so a second announcement finds those ids in the log.
    /// </summary>
    public async Task PrepareAppendsAsync(IReadOnlyCollection<string> eventIds, CancellationToken ct)
    {
        await FlushAsync(ct).ConfigureAwait(false);
        var ids = idClasses.Keys.Concat(eventIds).Distinct(StringComparer.Ordinal).ToList();
        var rows = await connection.QueryAsync<IdClass>(Command(ClassifyIdsSql, new { Ids = JsonSerializer.Serialize(ids) }, ct)).ConfigureAwait(false);
        idClasses.Clear();
        storedClasses.Clear();
        foreach (var row in rows)
        {
            idClasses[ids[row.Position]] = row.Class;
            if (row.Stored)
            {
                storedClasses.Add(row.Class);
            }
        }

        lastSequence ??= await connection.ExecuteScalarAsync<long>(Command(LastSequenceSql, null, ct)).ConfigureAwait(false);
    }

    /// <summary>
    /// Decides from what <see cref="PrepareAppendsAsync"/> learnt and stages the event. The sequence
    /// returned counts on from the last stored one; the log's identity, assigned when the staged events
    /// are inserted, keeps that order.
    /// </summary>
    public async Task<long?> AppendEventAsync(DossierEvent e, string? keyId, DateTimeOffset storedAt, CancellationToken ct)
    {
        if (!idClasses.TryGetValue(e.Id, out var idClass) || lastSequence is not { } last)
        {
            throw new InvalidOperationException($"Event id '{e.Id}' was not announced with {nameof(PrepareAppendsAsync)} before its append.");
        }

        if (!storedClasses.Add(idClass))
        {
            return null;
        }

        SqlServerStaging.AddEvent(events, arrivals++, e, keyId, storedAt);
        lastSequence = last + 1;
        if (events.Rows.Count >= FlushRows)
        {
            await FlushAsync(ct).ConfigureAwait(false);
        }

        return last + 1;
    }

    /// <summary>Stages the row; a later row of the same dossier in this session replaces it, as a second upsert would.</summary>
    public async Task UpsertDossierAsync(DossierRow row, CancellationToken ct)
    {
        dossiers[row.Code] = row;
        if (dossiers.Count >= FlushRows)
        {
            await FlushAsync(ct).ConfigureAwait(false);
        }
    }

    public async Task ApplyFactsAsync(FactDeltas deltas, CancellationToken ct)
    {
        await FlushAsync(ct).ConfigureAwait(false);
        await AddFactsAsync(SqlServerStaging.DayFacts, AddDayFactsSql, deltas.Changes, ct).ConfigureAwait(false);
        await AddFactsAsync(SqlServerStaging.MonthFacts, AddMonthFactsSql, deltas.MonthChanges, ct).ConfigureAwait(false);
        var months = deltas.MonthChanges.Where(c => !c.Value.IsZero).Select(c => StaleMarks.Of(c.Key.Month)).Distinct(StringComparer.Ordinal).ToList();
        if (months.Count > 0)
        {
            await connection.ExecuteAsync(Command(MarkMonthsSql, new { Months = JsonSerializer.Serialize(months) }, ct)).ConfigureAwait(false);
        }
    }

    public async Task ClearProjectionsAsync(CancellationToken ct)
    {
        await FlushAsync(ct).ConfigureAwait(false);
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

    public async Task CommitAsync(CancellationToken ct)
    {
        await FlushAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        events.Dispose();
        await transaction.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Writes the staged events and dossier rows.</summary>
    private async Task FlushAsync(CancellationToken ct)
    {
        if (events.Rows.Count > 0)
        {
            await CopyAsync(events, ct).ConfigureAwait(false);
            events.Clear();
            await connection.ExecuteAsync(Command(InsertEventsSql, null, ct)).ConfigureAwait(false);
        }

        if (dossiers.Count > 0)
        {
            using var rows = SqlServerStaging.DossierTable();
            foreach (var row in dossiers.Values)
            {
                SqlServerStaging.AddDossier(rows, row);
            }

            await CopyAsync(rows, ct).ConfigureAwait(false);
            dossiers.Clear();
            await connection.ExecuteAsync(Command(UpsertDossiersSql, null, ct)).ConfigureAwait(false);
        }
    }

    /// <summary>Adds the non-zero changes, <see cref="FlushRows"/> keys at a time (changes add up, so chunks are independent).</summary>
    private async Task AddFactsAsync(string table, string sql, IReadOnlyDictionary<(int UnitId, DateOnly Day), FactCounts> changes, CancellationToken ct)
    {
        foreach (var chunk in changes.Where(c => !c.Value.IsZero).Chunk(FlushRows))
        {
            using var rows = SqlServerStaging.FactTable(table);
            foreach (var ((unitId, key), counts) in chunk)
            {
                SqlServerStaging.AddFacts(rows, unitId, key, counts);
            }

            await CopyAsync(rows, ct).ConfigureAwait(false);
            await connection.ExecuteAsync(Command(sql, null, ct)).ConfigureAwait(false);
        }
    }

    private async Task CopyAsync(DataTable rows, CancellationToken ct)
    {
        if (!staging)
        {
            await connection.ExecuteAsync(Command(SqlServerStaging.CreateSql, null, ct)).ConfigureAwait(false);
            staging = true;
        }

        await SqlServerStaging.CopyAsync(connection, transaction, rows, ct).ConfigureAwait(false);
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken ct) => new(sql, parameters, transaction, cancellationToken: ct);

    private sealed class IdClass
    {
        public int Position { get; init; }
        public int Class { get; init; }
        public bool Stored { get; init; }
    }
}
